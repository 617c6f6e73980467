// What `rmctl serve` says when the compiled file cannot be served: one line per problem, each with the
// fix a person needs (run rmctl generate, export the variable, serve the compiled file, not a source).
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../shared/diagnostics.js';

const UNSET_VARIABLE = /environment variable (\w+), which is not set/;
// Top-level sections of providers.yaml / model-mappings.yaml that a compiled file never has.
const SOURCE_SECTIONS = /^(providers|aliases|exact_matches|fallback_chains|patterns|capabilities|policies):/m;

function looksLikeSources(file: string): boolean {
  try {
    return SOURCE_SECTIONS.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** The diagnostics of a config serve refused, with hints; a sources file given as -c becomes one diagnostic. */
export function explainServeDiagnostics(list: readonly Diagnostic[], configPath: string, shownAs: string = configPath): Diagnostic[] {
  if (list.some((d) => d.code === 'schema/required' && d.message.includes('"model_list"')) && looksLikeSources(configPath)) {
    return [
      {
        code: 'serve/sources-file',
        severity: 'error',
        file: shownAs,
        line: 0,
        col: 0,
        pointer: '',
        message: 'this is a sources file (providers.yaml or model-mappings.yaml), not a compiled config: rmctl serve loads the compiled file',
        hint: 'compile the sources with `rmctl generate` and serve the result: rmctl serve -c generated/litellm-unified.yaml',
      },
    ];
  }
  return list.map((d) => {
    if (d.hint) return d;
    if (d.code === 'file/unreadable' && d.message.includes('ENOENT')) {
      return { ...d, message: 'compiled config not found', hint: 'run `rmctl generate` to write it, or pass the compiled file with -c FILE' };
    }
    const unset = UNSET_VARIABLE.exec(d.message);
    if (unset) return { ...d, hint: `export ${unset[1]}=... before rmctl serve (in the service's environment file when systemd runs it)` };
    return d;
  });
}
