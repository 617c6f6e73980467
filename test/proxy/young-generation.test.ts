// The young-generation cap's decisions, on a fake heap: grow (V8's factor 2) below the cap, hold
// (factor 1) at it, and only tell V8 when the decision changes.
import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import { YoungGenerationCap, youngGenerationCap } from '../../src/proxy/young-generation.js';

const MB = 1024 * 1024;

describe('YoungGenerationCap', () => {
  it('lets V8 grow the young generation up to the limit and holds it there', () => {
    let size = 2 * MB;
    const set: number[] = [];
    const cap = new YoungGenerationCap(1, { newSpaceBytes: () => size, setGrowthFactor: (f) => void set.push(f) });
    cap.check();
    expect(set).toEqual([1]); // start-up: 2 x 1 MB reached
    cap.check();
    expect(set).toEqual([1]); // unchanged: V8 is not told again
    cap.setLimit(8);
    expect(set).toEqual([1, 2]); // serving: may grow to 2 x 8 MB
    size = 8 * MB;
    cap.check();
    expect(set).toEqual([1, 2]);
    size = 16 * MB;
    cap.check();
    expect(set).toEqual([1, 2, 1]); // at the cap
    size = 4 * MB; // V8 shrank it while idle
    cap.check();
    expect(set).toEqual([1, 2, 1, 2]);
  });

  it('runs against the real V8 heap of this process', () => {
    const cap = youngGenerationCap(1);
    expect(cap).toBeDefined();
    cap!.setLimit(8);
    const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    expect(young?.space_size).toBeGreaterThan(0);
  });
});
