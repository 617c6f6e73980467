// Threshold overrides for `rmctl monitoring`: `--threshold NAME=VALUE`, `--for NAME=DURATION`,
// `--window NAME=DURATION`, checked against the alert list, with messages that name the fix.
import { ALERTS, alertByKey, type AlertKey, type AlertSetting, type AlertSpec } from './alerts.js';

export type Settings = Record<AlertKey, AlertSetting>;

export class UsageError extends Error {}

const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

export function defaultSettings(): Settings {
  const out = {} as Settings;
  for (const a of ALERTS) out[a.key] = { ...a.defaults };
  return out;
}

function names(): string {
  return ALERTS.map((a) => a.key).join(', ');
}

/** "95%", "0.95" -> 0.95; "5s", "500ms", "5" -> seconds; plain numbers for counts a minute. */
export function parseThreshold(spec: AlertSpec, text: string): number {
  const t = text.trim();
  const fail = (expected: string): never => {
    throw new UsageError(`--threshold ${spec.key}=${text}: expected ${expected}`);
  };
  if (spec.unit === 'none') throw new UsageError(`--threshold ${spec.key}: ${spec.key} fires on a state and has no threshold; change how long it must last with --for ${spec.key}=DURATION`);
  if (spec.unit === 'ratio') {
    const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t);
    if (!m) return fail('a percentage like 95% or a ratio like 0.95');
    const value = m[2] === '%' ? Number(m[1]) / 100 : Number(m[1]);
    if (value < 0 || value > 1) fail('a percentage from 0% to 100% (or a ratio from 0 to 1)');
    return value;
  }
  if (spec.unit === 'seconds') {
    const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(t);
    if (!m) return fail('a duration in seconds like 5s, 2.5 or 800ms');
    const value = m[2] === 'ms' ? Number(m[1]) / 1000 : Number(m[1]);
    if (value <= 0) fail('a latency above zero');
    return value;
  }
  const m = /^\d+(?:\.\d+)?$/.exec(t);
  if (!m) return fail('a number of events a minute like 100');
  return Number(t);
}

function splitPair(option: string, pair: string): { spec: AlertSpec; value: string } {
  const at = pair.indexOf('=');
  if (at <= 0) throw new UsageError(`${option} ${pair}: expected NAME=VALUE with NAME one of ${names()}`);
  const key = pair.slice(0, at).trim();
  const spec = alertByKey(key);
  if (!spec) throw new UsageError(`${option} ${pair}: unknown alert "${key}"; names: ${names()}`);
  return { spec, value: pair.slice(at + 1).trim() };
}

function parseDuration(option: string, pair: string, value: string): string {
  if (!DURATION.test(value)) throw new UsageError(`${option} ${pair}: "${value}" is not a Prometheus duration (like 30s, 5m, 1h)`);
  return value;
}

export interface Overrides {
  threshold?: string[];
  for?: string[];
  window?: string[];
}

export function applyOverrides(overrides: Overrides): Settings {
  const settings = defaultSettings();
  for (const pair of overrides.threshold ?? []) {
    const { spec, value } = splitPair('--threshold', pair);
    settings[spec.key].threshold = parseThreshold(spec, value);
  }
  for (const pair of overrides.for ?? []) {
    const { spec, value } = splitPair('--for', pair);
    settings[spec.key].for = parseDuration('--for', pair, value);
  }
  for (const pair of overrides.window ?? []) {
    const { spec, value } = splitPair('--window', pair);
    settings[spec.key].window = parseDuration('--window', pair, value);
  }
  return settings;
}

/** Label matchers like `job="rainymodel",env!="dev"`: checked here so a typo is not found by Prometheus. */
export function checkSelector(sel: string): string {
  const matcher = String.raw`\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(=|!=|=~|!~)\s*"(?:[^"\\]|\\.)*"\s*`;
  const whole = new RegExp(`^(${matcher})(,${matcher})*$`);
  if (sel.trim() === '') return '';
  if (!whole.test(sel)) throw new UsageError(`--selector ${sel}: expected label matchers like job="rainymodel" or job="rm",env="prod"`);
  return sel.trim();
}
