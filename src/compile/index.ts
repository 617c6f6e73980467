// validate, generate, apply and rollback share this: sources -> diagnostics -> compiled config and text.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadConfig, type LoadOptions, type SourceText } from '../config/index.js';
import { hasErrors, type Diagnostic } from '../shared/diagnostics.js';
import type { CompiledConfig } from '../shared/compiled-config.js';
import type { Env } from '../shared/env.js';
import { schemaErrors } from '../config/schema.js';
import { RainyModelError } from '../shared/errors.js';
import { compile } from './compile.js';
import { emitYaml } from './emit.js';

export type { SourceText } from '../config/index.js';
export interface BuildOptions extends LoadOptions {
  /** Also render the YAML text (default true); `rmctl validate` needs only the diagnostics and the config. */
  emit?: boolean;
  /**
   * The environment the compiled file is deployed into (`rmctl apply`, rollback to sources): non-secret
   * `${VAR:-default}` values take the variable's value from it. Without it the defaults are written, so
   * `rmctl generate` gives the same bytes on every machine.
   */
  deployEnv?: Env;
}

export interface BuildResult {
  /** No error diagnostics. */
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Present when ok. */
  config?: CompiledConfig;
  /** The exact text `rmctl generate` writes, when ok and emitted. */
  text?: string;
  /** sha256 over both inputs' bytes (not their paths: the same sources give the same hash anywhere). */
  sourcesSha256: string;
}

export function sourcesSha256(providers: SourceText, mappings: SourceText): string {
  return createHash('sha256').update(providers.text).update('\u0000').update(mappings.text).digest('hex');
}

export function buildFromTexts(providers: SourceText, mappings: SourceText, options: BuildOptions = {}): BuildResult {
  const sha = sourcesSha256(providers, mappings);
  const loaded = loadConfig(providers, mappings, options);
  if (!loaded.model || !loaded.routing || hasErrors(loaded.diagnostics)) {
    return { ok: false, diagnostics: loaded.diagnostics, sourcesSha256: sha };
  }
  const config = compile(loaded.model, loaded.routing, sha, { deployEnv: options.deployEnv });
  // The output is the contract: if it breaks its own schema, that is a compiler bug, not a user mistake.
  const broken = schemaErrors('litellm-config', config);
  if (broken.length) throw new RainyModelError('compile/invalid-output', `compiler bug: the output breaks schemas/litellm-config.schema.json: ${broken.slice(0, 3).join('; ')}`);
  const text = options.emit === false ? undefined : emitYaml(config, sha);
  return { ok: true, diagnostics: loaded.diagnostics, config, text, sourcesSha256: sha };
}

/** Like buildFromTexts; a file that cannot be read is a diagnostic, not an exception. */
export function buildFromFiles(providersPath: string, mappingsPath: string, options: BuildOptions = {}): BuildResult {
  const diagnostics: Diagnostic[] = [];
  const read = (path: string): SourceText => {
    try {
      return { path, text: readFileSync(path, 'utf8') };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      diagnostics.push({
        code: 'io/read',
        severity: 'error',
        message: code === 'ENOENT' ? 'file not found' : `cannot read the file: ${(err as Error).message}`,
        file: path,
        line: 0,
        col: 0,
        pointer: '',
        hint: code === 'ENOENT' ? 'pass the right path with --providers / --mappings' : undefined,
      });
      return { path, text: '' };
    }
  };
  const providers = read(providersPath);
  const mappings = read(mappingsPath);
  if (diagnostics.length) return { ok: false, diagnostics, sourcesSha256: sourcesSha256(providers, mappings) };
  return buildFromTexts(providers, mappings, options);
}
