// How a source value that names environment variables reaches a file LiteLLM reads. LiteLLM expands no
// `${VAR}` or `${VAR:-default}` (such text is used literally and every call fails); it understands only
// `os.environ/VAR` as a whole value. So, for the compiled file:
// - a secret (api key, master key, password) is always `os.environ/VAR`, never a value;
// - any other value is written concretely: the variable's value from the deploy environment when one is
//   given (`rmctl apply`) and the variable is set and non-empty, else its `:-default` (`rmctl generate`,
//   which never reads the machine's environment, so `generate --check` gives the same bytes anywhere);
// - a value that is only `${VAR}` (no default) with no deploy value becomes `os.environ/VAR`;
// - a reference without a default inside longer text and with no deploy value cannot be written: the rule
//   `litellmEnvValues` (src/config/rules) reports it, so compile never meets it after a clean validate.
import { expandEnv, isUnset, soleEnvReference, wholeEnvReference, type Env } from '../shared/env.js';

export interface LitellmValue {
  value: string;
  /** Variables with neither a deploy value nor a default, inside longer text (the value is then unusable). */
  unresolved: string[];
}

/** A non-secret value as LiteLLM must see it. `deployEnv` is given only by `rmctl apply`. */
export function concreteValue(template: string, deployEnv: Env | undefined): LitellmValue {
  if (!template.includes('${')) return { value: template, unresolved: [] };
  const whole = wholeEnvReference(template);
  if (whole && (!deployEnv || isUnset(deployEnv[whole]))) return { value: `os.environ/${whole}`, unresolved: [] };
  // The deploy value when set and non-empty, else the default; generate (no deployEnv) takes the defaults.
  const { value, missing } = expandEnv(template, deployEnv ?? {});
  return { value, unresolved: missing };
}

/** A secret as LiteLLM must see it: `os.environ/VAR` when the source names a variable, else the text as written. */
export function secretValue(template: string): string {
  const whole = soleEnvReference(template);
  return whole ? `os.environ/${whole.name}` : template;
}
