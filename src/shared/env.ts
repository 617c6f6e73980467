// Environment references in config values: `os.environ/VAR` (LiteLLM's form, the whole value) and
// `${VAR}` / `${VAR:-default}` (the registry's form, anywhere in a string).
// Sources keep them as text; they are resolved only at deploy/serve time, never baked into output.

export interface EnvReference {
  name: string;
  /** The `:-default` part, when present. */
  fallback?: string;
}

const OS_ENVIRON = /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/;
const BRACED = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
const WHOLE_BRACED = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

export function envReferences(value: string): EnvReference[] {
  const whole = OS_ENVIRON.exec(value);
  if (whole) return [{ name: whole[1] }];
  const out: EnvReference[] = [];
  for (const m of value.matchAll(BRACED)) out.push(m[2] === undefined ? { name: m[1] } : { name: m[1], fallback: m[2] });
  return out;
}

/** True when the value is exactly one reference with no default (`os.environ/X` or `${X}`). */
export function wholeEnvReference(value: string): string | undefined {
  return OS_ENVIRON.exec(value)?.[1] ?? WHOLE_BRACED.exec(value)?.[1];
}

export type Env = Record<string, string | undefined>;

/** The one rule everywhere (validate, generate, apply, serve): a variable set to '' counts as unset. */
export function isUnset(value: string | undefined): boolean {
  return value === undefined || value === '';
}

export interface Expanded {
  value: string;
  /** Variables that were unset and had no default. */
  missing: string[];
}

/**
 * Resolves every reference; unset variables without a default expand to '' and are listed in `missing`.
 * Set but empty counts as unset, as `${VAR:-default}` means in the shell: an empty key is no key.
 */
export function expandEnv(value: string, env: Env): Expanded {
  const missing: string[] = [];
  const whole = OS_ENVIRON.exec(value);
  if (whole) {
    const v = env[whole[1]];
    if (isUnset(v)) missing.push(whole[1]);
    return { value: v ?? '', missing };
  }
  if (!value.includes('${')) return { value, missing };
  const out = value.replace(BRACED, (_all, name: string, fallback: string | undefined) => {
    const v = env[name];
    if (!isUnset(v)) return v as string;
    if (fallback !== undefined) return fallback;
    missing.push(name);
    return '';
  });
  return { value: out, missing };
}

/** Replaces each `${VAR:-default}` by its default: what a value looks like with nothing set. */
export function withDefaults(value: string): string {
  return value.replace(BRACED, (_all, _name: string, fallback: string | undefined) => fallback ?? '');
}
