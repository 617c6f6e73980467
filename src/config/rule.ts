// What a semantic rule is: a small named function over the normalized model and its resolved routing that
// reports what it finds, listed in rule-list.ts with the codes it reports, what it checks and its fix.
import type { Env } from '../shared/env.js';
import type { SourceDocument } from '../shared/yaml-source.js';
import type { Reporter } from './context.js';
import type { Model } from './model.js';
import type { Routing } from './resolve.js';

export interface RuleContext {
  model: Model;
  routing: Routing;
  sources: SourceDocument[];
  env: Env;
  strict: boolean;
  reporter: Reporter;
  /** `file#pointer` of the literal secrets already reported by the file scan. */
  flagged: ReadonlySet<string>;
}

export type Rule = (ctx: RuleContext) => void;

/** A rule as `validate` lists and runs it (Spectral's rulesets, Changesets' rules.ts). */
export interface NamedRule {
  /** Stable, kebab-case. */
  name: string;
  /** The diagnostic codes (`area/kind`) it may report. */
  codes: readonly string[];
  /** What it checks, in one sentence. */
  checks: string;
  /** What a user does about a finding, in general (each diagnostic's hint is specific). */
  fix: string;
  run: Rule;
}
