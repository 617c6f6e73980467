// Environment references in the compiled file are resolved when the proxy loads it, never baked in:
// `os.environ/VAR` (the whole value, LiteLLM's form) and `${VAR}` / `${VAR:-default}` inside a string.

export interface MissingEnv {
  /** JSON pointer of the value that referenced the variable. */
  pointer: string;
  variable: string;
}

const OS_ENVIRON = 'os.environ/';
// Built once: resolution runs on every (re)load over every string of the file.
const BRACED = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Returns a deep copy of `value` with every reference resolved. Unset variables without a default
 * resolve to undefined (a whole-value reference) or '' (inside a string) and are reported in `missing`,
 * so the caller decides whether that is fatal for the field in question.
 */
export function resolveEnvRefs(
  value: unknown,
  env: NodeJS.ProcessEnv = process.env,
): { value: unknown; missing: MissingEnv[] } {
  const missing: MissingEnv[] = [];
  const walk = (v: unknown, pointer: string): unknown => {
    if (typeof v === 'string') return resolveString(v, pointer, env, missing);
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${pointer}/${i}`));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item, `${pointer}/${escapePointer(k)}`);
      return out;
    }
    return v;
  };
  return { value: walk(value, ''), missing };
}

function resolveString(s: string, pointer: string, env: NodeJS.ProcessEnv, missing: MissingEnv[]): string | undefined {
  if (s.startsWith(OS_ENVIRON)) {
    const variable = s.slice(OS_ENVIRON.length);
    const found = env[variable];
    if (found === undefined || found === '') {
      missing.push({ pointer, variable });
      return undefined;
    }
    return found;
  }
  if (!s.includes('${')) return s;
  return s.replace(BRACED, (_m, variable: string, fallback: string | undefined) => {
    const found = env[variable];
    if (found !== undefined && found !== '') return found;
    if (fallback !== undefined) return fallback;
    missing.push({ pointer, variable });
    return '';
  });
}
