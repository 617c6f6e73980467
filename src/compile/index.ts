// validate, generate, apply and rollback share this: sources -> diagnostics -> compiled config and text.
import type * as Crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  /**
   * Also render the YAML text (default true). Without it (`rmctl validate`, `explain`: the diagnostics and
   * the routing, nothing written) the sources are not hashed (the config's sources_sha256 is '') and the
   * output is not checked against its own schema: both guard a file that is written.
   */
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
  /** sha256 over both inputs' bytes (not their paths: the same sources give the same hash anywhere); when emitted. */
  sourcesSha256?: string;
}

// node:crypto is loaded when a hash is made: only commands that write a file need one, and loading it is
// a noticeable part of a cold `rmctl validate` (npm run bench:cli).
let crypto: typeof Crypto | undefined;

export function sourcesSha256(providers: SourceText, mappings: SourceText): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return crypto.createHash('sha256').update(providers.text).update('\u0000').update(mappings.text).digest('hex');
}

export function buildFromTexts(providers: SourceText, mappings: SourceText, options: BuildOptions = {}): BuildResult {
  const emit = options.emit !== false;
  const sha = emit ? sourcesSha256(providers, mappings) : undefined;
  const loaded = loadConfig(providers, mappings, options);
  if (!loaded.model || !loaded.routing || hasErrors(loaded.diagnostics)) {
    return { ok: false, diagnostics: loaded.diagnostics, sourcesSha256: sha };
  }
  const config = compile(loaded.model, loaded.routing, sha ?? '', { deployEnv: options.deployEnv });
  if (sha === undefined) return { ok: true, diagnostics: loaded.diagnostics, config };
  // The output is the contract: if it breaks its own schema, that is a compiler bug, not a user mistake.
  const broken = schemaErrors('litellm-config', config);
  if (broken.length) throw new RainyModelError('compile/invalid-output', `compiler bug: the output breaks schemas/litellm-config.schema.json: ${broken.slice(0, 3).join('; ')}`);
  return { ok: true, diagnostics: loaded.diagnostics, config, text: emitYaml(config, sha), sourcesSha256: sha };
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
  if (diagnostics.length) return { ok: false, diagnostics, sourcesSha256: options.emit === false ? undefined : sourcesSha256(providers, mappings) };
  return buildFromTexts(providers, mappings, options);
}
