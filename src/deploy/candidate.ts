// What apply and rollback deploy: the bytes for the target plus the parsed config (for the plan and the
// expected public models). Every origin (working-tree sources, sources at a commit, the compiled file at a
// commit, a backup) ends up here and then goes through the same transaction.
import { buildFromTexts, type BuildResult, type SourceText } from '../compile/index.js';
import type { CompiledConfig } from '../shared/compiled-config.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../shared/diagnostics.js';
import { RainyModelError } from '../shared/errors.js';
import { schemaDiagnostics } from '../shared/schema-diagnostics.js';
import { readSource } from '../shared/yaml-source.js';
import { expandEnvReferences, type Expansion } from './env-expand.js';
import { resolveCommit, showFile } from './git.js';
import { parseConfigText, sha256 } from './plan.js';

export interface Candidate {
  /** Exactly what will be written to the target. */
  text: string;
  config: CompiledConfig;
  sha256: string;
  /** For people: `sources (working tree)`, `sources at 1a2b3c4`, `backup <id>`. */
  origin: string;
  sourcesCommit: string | null;
  expansions: Expansion[];
}

export interface CandidateResult {
  candidate?: Candidate;
  diagnostics: Diagnostic[];
}

/** The deployed copy of a compiled text: env references expanded, re-parsed, nothing else changed. */
export function candidateFromCompiled(
  compiledText: string,
  options: { file: string; env: Record<string, string | undefined>; origin: string; sourcesCommit: string | null; expand?: boolean },
): CandidateResult {
  const expanded = options.expand === false ? { text: compiledText, expansions: [], diagnostics: [] } : expandEnvReferences(compiledText, options.env, options.file);
  if (expanded.text === undefined || hasErrors(expanded.diagnostics)) return { diagnostics: sortDiagnostics(expanded.diagnostics) };
  const parsed = parseConfigText(expanded.text);
  if (!parsed.config) {
    return {
      diagnostics: [{ code: 'deploy/unreadable', severity: 'error', message: `${options.origin}: ${parsed.error ?? 'not a config'}`, file: options.file, line: 0, col: 0, pointer: '' }],
    };
  }
  return {
    candidate: {
      text: expanded.text,
      config: parsed.config,
      sha256: sha256(expanded.text),
      origin: options.origin,
      sourcesCommit: options.sourcesCommit,
      expansions: expanded.expansions,
    },
    diagnostics: sortDiagnostics(expanded.diagnostics),
  };
}

/** From a build result (`rmctl generate`'s output): the build's diagnostics plus the deploy-time ones. */
export function candidateFromBuild(
  build: BuildResult,
  options: { file: string; env: Record<string, string | undefined>; origin: string; sourcesCommit: string | null },
): CandidateResult {
  if (!build.ok || build.text === undefined) return { diagnostics: build.diagnostics };
  const result = candidateFromCompiled(build.text, options);
  return { ...result, diagnostics: sortDiagnostics([...build.diagnostics, ...result.diagnostics]) };
}

/**
 * Schema check for a compiled file that did not come out of the compiler just now (git, backups): the
 * same reader, schema and mapper as serve's loader, so a file rollback accepts is a file serve loads.
 */
export function checkCompiledText(text: string, file: string): Diagnostic[] {
  const { source, diagnostics } = readSource(file, text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || source.value === undefined) return errors;
  return schemaDiagnostics('litellm-config', source, { unknownKeys: 'error' });
}

export interface AtCommitOptions {
  repo: string;
  rev: string;
  providers: string;
  mappings: string;
  compiled: string;
  /** Take the compiled file at the commit instead of compiling the sources. */
  useCompiled: boolean;
  strict?: boolean;
  env: Record<string, string | undefined>;
}

/**
 * The candidate for `rmctl rollback <commit>`. Operational problems (unknown commit, missing files) throw
 * RainyModelError; a config that no longer validates comes back as diagnostics. Nothing is written here.
 */
export async function candidateAtCommit(options: AtCommitOptions): Promise<CandidateResult & { commit: string }> {
  const commit = await resolveCommit(options.repo, options.rev);
  const short = commit.slice(0, 12);
  if (options.useCompiled) {
    const text = await showFile(options.repo, commit, options.compiled);
    if (text === null) {
      throw new RainyModelError('deploy/git-missing-file', `commit ${short} has no ${options.compiled}`);
    }
    const label = `${options.compiled}@${short}`;
    const schema = checkCompiledText(text, label);
    if (hasErrors(schema)) return { diagnostics: sortDiagnostics(schema), commit };
    return { ...candidateFromCompiled(text, { file: label, env: options.env, origin: `compiled file at ${short}`, sourcesCommit: commit }), commit };
  }
  const [providersText, mappingsText] = await Promise.all([
    showFile(options.repo, commit, options.providers),
    showFile(options.repo, commit, options.mappings),
  ]);
  const missing = [providersText === null ? options.providers : null, mappingsText === null ? options.mappings : null].filter((p): p is string => p !== null);
  if (missing.length > 0) {
    throw new RainyModelError(
      'deploy/git-missing-file',
      `commit ${short} has no ${missing.join(' and no ')}` + (providersText === null && mappingsText === null ? ' (use --compiled to deploy the compiled file of that commit)' : ''),
    );
  }
  // Diagnostics name the file as it was at the commit, so nobody looks for the problem in today's file.
  const providers: SourceText = { path: `${options.providers}@${short}`, text: providersText as string };
  const mappings: SourceText = { path: `${options.mappings}@${short}`, text: mappingsText as string };
  const build = buildFromTexts(providers, mappings, { strict: options.strict ?? false, env: options.env, deployEnv: options.env });
  return {
    ...candidateFromBuild(build, { file: `${options.compiled}@${short}`, env: options.env, origin: `sources at ${short}`, sourcesCommit: commit }),
    commit,
  };
}
