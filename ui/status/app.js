// The status page of rmctl serve: reads /status/json every few seconds with the API key the user typed
// (kept in sessionStorage, sent only as an Authorization header) and draws it. Plain DOM, no library,
// no build step; every value is written as text, never as HTML.
'use strict';

const KEY_ITEM = 'rainymodel.status.key';
const REFRESH_MS = 5000;
let timer;
let paused = false;

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== undefined && c !== null) node.append(c instanceof Node ? c : String(c));
  return node;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

const sum = (values) => values.reduce((a, v) => a + (v ?? 0), 0);
const latest = (values) => [...values].reverse().find((v) => v !== null && v !== undefined) ?? null;
const pct = (r) => (r === null || r === undefined ? '-' : `${Math.round(r * 1000) / 10}%`);
const ms = (v) => (v === null || v === undefined ? '-' : v >= 1000 ? `${(v / 1000).toFixed(1)}s` : `${v}ms`);

async function fetchStatus() {
  const key = sessionStorage.getItem(KEY_ITEM);
  const headers = key ? { authorization: `Bearer ${key}` } : {};
  const res = await fetch('/status/json', { headers, cache: 'no-store' });
  if (res.status === 401) return { unauthorized: true };
  if (!res.ok) throw new Error(`/status/json answered ${res.status}`);
  return { data: await res.json() };
}

function showLogin(message) {
  $('status').hidden = true;
  $('controls').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message || '';
  $('summary').textContent = 'Not signed in.';
  $('key').focus();
}

/** A chart of one value per minute over the hour; `label(values)` says what the line shows in words. */
function sparkline(label, cls, values, format) {
  const w = 120;
  const h = 34;
  const nums = values.map((v) => (v === null ? 0 : v));
  const max = Math.max(1, ...nums);
  const step = w / Math.max(1, nums.length - 1);
  const d = nums.map((v, i) => `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(h - 2 - (v / max) * (h - 4)).toFixed(1)}`).join(' ');
  const svg = svgEl('svg', { viewBox: `0 0 ${w} ${h}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': `${label(values)}, per minute, peak ${format(max)}` });
  svg.append(svgEl('path', { d }));
  return el('div', { class: `chart ${cls}` }, el('span', {}, label(values)), svg);
}

function renderProviders(providers) {
  const box = $('providers');
  box.replaceChildren(
    ...providers.map((p) => {
      const c = p.circuits;
      const m1 = p['1m'];
      const m10 = p['10m'];
      return el(
        'article',
        { class: 'card', 'data-provider': p.provider },
        el('h3', {}, p.provider),
        el('p', {}, `1m: ${m1.requests} req, ${pct(m1.success_ratio)} ok · 10m: ${m10.requests} req, ${pct(m10.success_ratio)} ok, 429: ${m10.s429}, 401/403: ${m10.s401 + m10.s403}`),
        el('p', {}, `circuits: ${c.closed} closed, ${c.open} open, ${c.half_open} half-open${c.disabled ? `, ${c.disabled} disabled` : ''}`),
        sparkline((v) => `traffic ${sum(v)} in 1h`, 'c-traffic', p.hour.map((x) => x.requests), (v) => `${v}`),
        sparkline((v) => `errors ${sum(v)} in 1h`, 'c-errors', p.hour.map((x) => x.errors), (v) => `${v}`),
        sparkline((v) => `p95 ${ms(latest(v))}`, 'c-latency', p.hour.map((x) => x.p95_ms), ms),
      );
    }),
  );
}

function table(id, head, rows) {
  const numeric = head.map((h) => h.endsWith('#'));
  const names = head.map((h) => h.replace(/#$/, ''));
  $(id).replaceChildren(
    el('thead', {}, el('tr', {}, ...names.map((h, i) => el('th', { scope: 'col', class: numeric[i] ? 'num' : '' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((v, i) => el('td', { class: numeric[i] ? 'num' : '' }, v))))),
  );
}

function render(s) {
  const short = s.config.sha256 ? s.config.sha256.slice(0, 12) : 'unknown';
  $('summary').textContent = `config ${short} loaded ${new Date(s.config.loaded_at).toLocaleString()} · up ${s.uptime_s}s · ${s.in_flight} in flight · updated ${new Date(s.generated_at).toLocaleTimeString()}`;
  $('circuits').replaceChildren(...s.deployments.map((d) => el('li', { class: d.circuit, title: d.last_error || '' }, `${d.id}: ${d.circuit.replace('_', '-')}${d.cooldown_remaining_ms ? ` ${Math.ceil(d.cooldown_remaining_ms / 1000)}s` : ''}`)));
  renderProviders(s.providers);
  table(
    'deployments',
    ['deployment', 'provider', 'circuit', 'in flight#', 'req 1m#', 'ok 1m#', '401#', '403#', '429#', 'p50 1m#', 'p99 1m#', 'req 10m#', 'ok 10m#', 'p99 10m#'],
    s.deployments.map((d) => [d.id, d.provider, d.circuit.replace('_', '-'), d.in_flight, d['1m'].requests, pct(d['1m'].success_ratio), d['10m'].s401, d['10m'].s403, d['10m'].s429, ms(d['1m'].p50_ms), ms(d['1m'].p99_ms), d['10m'].requests, pct(d['10m'].success_ratio), ms(d['10m'].p99_ms)]),
  );
  $('errors').replaceChildren(...(s.last_errors.length ? s.last_errors.slice(0, 20).map((e) => el('li', {}, `${new Date(e.at).toLocaleTimeString()} ${e.deployment} (${e.provider}): ${e.reason}${e.status ? ` HTTP ${e.status}` : ''}`)) : [el('li', {}, 'none')]));
  table('keys', ['key', 'requests#', 'rpm#', 'tokens#', 'tpm#', 'use#'], s.keys.map((k) => [k.key, k.requests, k.rpm ?? '-', k.tokens, k.tpm ?? '-', pct(k.use)]));
  const cfg = [
    ['file', s.config.path],
    ['sha256', s.config.sha256 || '-'],
    ['loaded', new Date(s.config.loaded_at).toLocaleString()],
    ['model groups', s.config.model_groups],
    ['deployments', s.config.deployments],
    ['policies', `${s.config.policies.join(', ')} (default ${s.config.default_policy})`],
  ];
  $('config').replaceChildren(...cfg.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

async function refresh() {
  clearTimeout(timer);
  try {
    const r = await fetchStatus();
    if (r.unauthorized) {
      sessionStorage.removeItem(KEY_ITEM);
      return showLogin(sessionStorage.length === 0 && $('key').value ? 'That key was refused.' : '');
    }
    $('login').hidden = true;
    $('status').hidden = false;
    $('controls').hidden = false;
    render(r.data);
  } catch (err) {
    $('summary').textContent = `Cannot read the status: ${err.message}`;
  }
  if (!paused) timer = setTimeout(refresh, REFRESH_MS);
}

document.addEventListener('DOMContentLoaded', () => {
  $('login').addEventListener('submit', (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(KEY_ITEM, $('key').value);
    void refresh().then(() => {
      if (!$('status').hidden) {
        $('key').value = '';
        $('main').focus();
      }
    });
  });
  $('pause').addEventListener('click', () => {
    paused = !paused;
    $('pause').setAttribute('aria-pressed', String(paused));
    $('pause').textContent = paused ? 'Resume' : 'Pause';
    if (!paused) void refresh();
    else clearTimeout(timer);
  });
  $('signout').addEventListener('click', () => {
    sessionStorage.removeItem(KEY_ITEM);
    clearTimeout(timer);
    showLogin('Signed out.');
  });
  void refresh();
});
