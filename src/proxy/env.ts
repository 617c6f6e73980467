// Environment references in the compiled file are resolved when the proxy loads it, never baked in:
// `os.environ/VAR` (the whole value, LiteLLM's form) and `${VAR}` / `${VAR:-default}` inside a string.
import { envReferences, expandEnv } from '../shared/env.js';

export interface MissingEnv {
  /** JSON pointer of the value that referenced the variable. */
  pointer: string;
  variable: string;
}

const OS_ENVIRON = 'os.environ/';

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Returns a deep copy of `value` with every reference resolved. Unset variables without a default
 * resolve to undefined (a whole-value reference) or '' (inside a string) and are reported in `missing`,
 * so the caller decides whether that is fatal for the field in question. `refs` lists every reference,
 * set or not (the route table checks which provider's key variable a deployment reads).
 */
export function resolveEnvRefs(
  value: unknown,
  env: NodeJS.ProcessEnv = process.env,
): { value: unknown; missing: MissingEnv[]; refs: MissingEnv[] } {
  const missing: MissingEnv[] = [];
  const refs: MissingEnv[] = [];
  const walk = (v: unknown, pointer: string): unknown => {
    if (typeof v === 'string') {
      if (v.includes('${') || v.startsWith(OS_ENVIRON)) for (const r of envReferences(v)) refs.push({ pointer, variable: r.name });
      return resolveString(v, pointer, env, missing);
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${pointer}/${i}`));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item, `${pointer}/${escapePointer(k)}`);
      return out;
    }
    return v;
  };
  return { value: walk(value, ''), missing, refs };
}

function resolveString(s: string, pointer: string, env: NodeJS.ProcessEnv, missing: MissingEnv[]): string | undefined {
  const whole = s.startsWith(OS_ENVIRON);
  if (!whole && !s.includes('${')) return s;
  const expanded = expandEnv(s, env);
  for (const variable of expanded.missing) missing.push({ pointer, variable });
  // A whole-value reference to an unset variable is no value at all (an absent key, not an empty one).
  return whole && expanded.missing.length ? undefined : expanded.value;
}
