// Environment references in config values: `os.environ/VAR` (LiteLLM's form, the whole value) and
// `${VAR}` / `${VAR:-default}` (the registry's form, anywhere in a string).
// Sources keep them as text; they are resolved only at deploy/serve time, never baked into output.

export interface EnvReference {
  name: string;
  /** The `:-default` part, when present. */
  fallback?: string;
}

const OS_ENVIRON = /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/;
/** `${VAR}` or `${VAR:-default}`: the one spelling of the registry's reference (groups: name, default). */
const BRACED_SOURCE = '\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\\}';
const BRACED = new RegExp(BRACED_SOURCE, 'g');
const SOLE_BRACED = new RegExp(`^${BRACED_SOURCE}$`);
const HAS_BRACED = new RegExp(BRACED_SOURCE);
const WHOLE_BRACED = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** `{ name, fallback? }` from a match of BRACED or SOLE_BRACED (group 1 always matches). */
function referenceOf(m: RegExpExecArray | RegExpMatchArray): EnvReference {
  const name = m[1] ?? '';
  return m[2] === undefined ? { name } : { name, fallback: m[2] };
}

export function envReferences(value: string): EnvReference[] {
  const whole = osEnvironName(value);
  if (whole !== undefined) return [{ name: whole }];
  return [...value.matchAll(BRACED)].map(referenceOf);
}

/** The variable of LiteLLM's `os.environ/VAR` form (the whole value), else undefined. */
export function osEnvironName(value: string): string | undefined {
  return OS_ENVIRON.exec(value)?.[1];
}

/** True when the value is exactly one reference with no default (`os.environ/X` or `${X}`). */
export function wholeEnvReference(value: string): string | undefined {
  return osEnvironName(value) ?? WHOLE_BRACED.exec(value)?.[1];
}

/** The reference when the value is exactly one: `os.environ/X`, `${X}` or `${X:-default}`. */
export function soleEnvReference(value: string): EnvReference | undefined {
  const whole = osEnvironName(value);
  if (whole !== undefined) return { name: whole };
  const m = SOLE_BRACED.exec(value);
  return m ? referenceOf(m) : undefined;
}

/** True when the text contains a `${VAR}` or `${VAR:-default}` reference. */
export function hasBracedReference(value: string): boolean {
  return HAS_BRACED.test(value);
}

export type Env = Record<string, string | undefined>;

/** The one rule everywhere (validate, generate, apply, serve): a variable set to '' counts as unset. */
export function isUnset(value: string | undefined): value is undefined | '' {
  return value === undefined || value === '';
}

/** A variable's value under that rule: undefined when it is unset or empty. */
export function envValue(env: Env, name: string): string | undefined {
  const v = env[name];
  return isUnset(v) ? undefined : v;
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
  const whole = osEnvironName(value);
  if (whole !== undefined) {
    const v = env[whole];
    if (isUnset(v)) missing.push(whole);
    return { value: v ?? '', missing };
  }
  if (!value.includes('${')) return { value, missing };
  const out = value.replace(BRACED, (_all, name: string, fallback: string | undefined) => {
    const v = envValue(env, name);
    if (v !== undefined) return v;
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
