// The metrics the request path counts in plain objects (TalliedCounter, TalliedHistogram) must reach
// /metrics exactly as prom-client's own Counter and Histogram would show the same counts: the same
// text (names, HELP/TYPE, labels, order, values) and the same JSON, series removal included.
import { describe, expect, it } from 'vitest';
import { Counter, Histogram, Registry } from 'prom-client';
import { TalliedCounter } from '../../src/proxy/tallied-counter.js';
import { TalliedHistogram } from '../../src/proxy/tallied-histogram.js';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const A = { model_group: 'g', deployment: 'g@a', tier: 'free' };
const B = { model_group: 'g', deployment: 'g@b', tier: 'paid' };
const C = { model_group: 'h "quoted"\\', deployment: 'h@c', tier: 'free' };
const OBSERVED = [0, 0.005, 0.0051, 0.3, 1, 4.9, 5, 7.5, 120];

function promClient(): { registry: Registry; run: () => void } {
  const registry = new Registry();
  const registers = [registry];
  const counter = new Counter({ name: 't_total', help: 'a counter', labelNames: ['model_group', 'deployment', 'tier'], registers });
  const histogram = new Histogram({ name: 't_seconds', help: 'a histogram', labelNames: ['model_group', 'deployment', 'tier'], buckets: BUCKETS, registers });
  const bare = new Histogram({ name: 't_bare_seconds', help: 'no labels', buckets: BUCKETS, registers });
  const run = (): void => {
    for (const [i, v] of OBSERVED.entries()) {
      histogram.labels(i % 2 === 0 ? B : A).observe(v);
      counter.labels(i % 3 === 0 ? C : B).inc(i);
    }
    histogram.labels(C).observe(2);
    counter.labels(A).inc(0);
    bare.observe(0.02);
    histogram.remove(B);
    counter.remove(C);
    histogram.labels(B).observe(0.2);
  };
  return { registry, run };
}

function tallied(): { registry: Registry; run: () => void } {
  const registry = new Registry();
  const registers = [registry];
  const counter = new TalliedCounter({ name: 't_total', help: 'a counter', labelNames: ['model_group', 'deployment', 'tier'], registers });
  const histogram = new TalliedHistogram({ name: 't_seconds', help: 'a histogram', labelNames: ['model_group', 'deployment', 'tier'], buckets: BUCKETS, registers });
  const bare = new TalliedHistogram({ name: 't_bare_seconds', help: 'no labels', labelNames: [], buckets: BUCKETS, registers });
  const run = (): void => {
    // As the proxy does: a series is looked up once and kept.
    const hA = histogram.series(A);
    const hB = histogram.series(B);
    const cB = counter.series(B);
    const cC = counter.series(C);
    for (const [i, v] of OBSERVED.entries()) {
      (i % 2 === 0 ? hB : hA).observe(v);
      (i % 3 === 0 ? cC : cB).inc(i);
    }
    histogram.series(C).observe(2);
    counter.series(A).inc(0);
    bare.series({}).observe(0.02);
    histogram.remove(B);
    counter.remove(C);
    // A removed series stays off /metrics when its old handle is used; a new one starts from zero.
    hB.observe(9);
    cC.inc(5);
    histogram.series(B).observe(0.2);
  };
  return { registry, run };
}

describe('tallied metrics', () => {
  it('show on /metrics what prom-client shows for the same counts, before and after series are removed', async () => {
    const expected = promClient();
    const actual = tallied();
    expect(await actual.registry.metrics()).toBe(await expected.registry.metrics());
    expected.run();
    actual.run();
    const text = await actual.registry.metrics();
    expect(text).toContain('t_seconds_bucket{le="+Inf",model_group="g",deployment="g@b",tier="paid"} 1');
    expect(text).not.toContain('h@c",tier="free"} 5');
    expect(text).toBe(await expected.registry.metrics());
    expect(JSON.stringify(await actual.registry.getMetricsAsJSON())).toBe(JSON.stringify(await expected.registry.getMetricsAsJSON()));
  });
});
