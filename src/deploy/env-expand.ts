// Deploy-time expansion of `${VAR}` / `${VAR:-default}` in the compiled file.
//
// The compiler keeps these forms as text (so generated/ is reproducible and holds no machine-specific
// values), but a stock LiteLLM proxy only understands `os.environ/VAR`: a literal `${OLLAMA_URL:-...}` in
// api_base would be sent as a URL and fail at the first request. So apply expands them in the copy it
// deploys, and refuses to deploy when a referenced variable is unset and has no default: failing here,
// before anything changed, is much cheaper than failing on the first request.
//
// Secrets are never written: in a secret-bearing field a bare `${VAR}` becomes `os.environ/VAR` (LiteLLM
// resolves it at load time), anything else there is an error. `os.environ/...` values are left alone.
//
// Only the bytes of the expanded scalars change (replaced in place using the parser's source ranges), so
// the header comment, key order and layout of the compiled file survive exactly.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode, type Scalar } from 'yaml';
import type { Diagnostic } from '../shared/diagnostics.js';
import { envReferences, expandEnv, hasBracedReference, isUnset, wholeEnvReference } from '../shared/env.js';

/** Keys whose values are credentials (LiteLLM's and RainyModel's): expansion there would write a secret. */
const SECRET_KEY = /(^|_)(api_key|key|keys|master_key|password|secret|secret_access_key|token|credentials?)$/i;

export interface Expansion {
  pointer: string;
  variable: string;
  /** true when the variable was unset (or empty) and the `:-` default was used. */
  usedDefault: boolean;
  /** true when a secret field's `${VAR}` became `os.environ/VAR`. */
  toEnvReference: boolean;
}

export interface ExpandResult {
  /** The text to deploy; undefined when there are error diagnostics. */
  text?: string;
  expansions: Expansion[];
  diagnostics: Diagnostic[];
}

interface Replacement {
  start: number;
  end: number;
  value: string;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** True when the text contains a reference this module would expand. */
export function hasEnvReferences(text: string): boolean {
  return hasBracedReference(text);
}

/** What one expansion run collects while it walks the document. */
interface Walk {
  env: Record<string, string | undefined>;
  file: string;
  lineCounter: LineCounter;
  expansions: Expansion[];
  diagnostics: Diagnostic[];
  replacements: Replacement[];
}

function report(w: Walk, node: YamlNode, pointer: string, code: string, message: string, hint?: string): void {
  const start = node.range?.[0] ?? 0;
  const pos = w.lineCounter.linePos(start);
  w.diagnostics.push({ code, severity: 'error', message, file: w.file, line: pos.line, col: pos.col, pointer, ...(hint ? { hint } : {}) });
}

/** A credential field: a bare `${VAR}` becomes `os.environ/VAR`; anything else there is an error. */
function visitSecret(w: Walk, node: Scalar<string>, range: [number, number], pointer: string): void {
  const value = node.value;
  // The value has a `${`, so this is a bare `${VAR}` (never `os.environ/VAR`).
  const variable = wholeEnvReference(value);
  if (variable !== undefined) {
    w.replacements.push({ start: range[0], end: range[1], value: JSON.stringify(`os.environ/${variable}`) });
    w.expansions.push({ pointer, variable, usedDefault: false, toEnvReference: true });
    return;
  }
  report(
    w,
    node,
    pointer,
    'deploy/secret-expansion',
    `${pointer || '/'}: "${value}" is a credential field; expanding it would write a secret into the deployed file`,
    'use "os.environ/VAR" (LiteLLM reads it at load time) or a bare "${VAR}"',
  );
}

function visitScalar(w: Walk, node: YamlNode, pointer: string, key: string): void {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
  const value = node.value;
  const range: [number, number] = [node.range[0], node.range[1]];
  // `os.environ/VAR` values have no `${`: LiteLLM resolves them itself, so they are never touched here.
  if (!hasEnvReferences(value)) return;
  if (SECRET_KEY.test(key)) {
    visitSecret(w, node as Scalar<string>, range, pointer);
    return;
  }
  const field = pointer || '/';
  // One truth for the reference syntax and its semantics (`:-` also covers an empty variable): shared/env.
  const refs = envReferences(value);
  const { value: expanded, missing } = expandEnv(value, w.env);
  for (const variable of [...new Set(missing)]) {
    report(
      w,
      node,
      pointer,
      'deploy/env-unset',
      `${field}: environment variable ${variable} is not set and "\${${variable}}" has no default`,
      `set ${variable} in the environment rmctl apply runs in, or write "\${${variable}:-<default>}" in the source`,
    );
  }
  const failed = missing.length > 0;
  for (const ref of refs) {
    const current = w.env[ref.name];
    w.expansions.push({
      pointer,
      variable: ref.name,
      usedDefault: ref.fallback !== undefined && isUnset(current),
      toEnvReference: false,
    });
  }
  if (!failed) w.replacements.push({ start: range[0], end: range[1], value: JSON.stringify(expanded) });
}

function walk(w: Walk, node: unknown, pointer: string, key: string): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      walk(w, pair.value, `${pointer}/${escapePointer(k)}`, k);
    }
  } else if (isSeq(node)) {
    // Items of a list inherit the list's key, so `keys: [${A}]` counts as a credential field.
    node.items.forEach((item, i) => walk(w, item, `${pointer}/${i}`, key));
  } else if (isScalar(node)) {
    visitScalar(w, node, pointer, key);
  }
}

export function expandEnvReferences(
  text: string,
  env: Record<string, string | undefined>,
  file: string,
): ExpandResult {
  const expansions: Expansion[] = [];
  const diagnostics: Diagnostic[] = [];
  // Fast path: nothing to expand, deploy the compiled bytes exactly.
  if (!hasEnvReferences(text)) return { text, expansions, diagnostics };

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      diagnostics.push({
        code: 'yaml/syntax',
        severity: 'error',
        message: e.message.split('\n')[0] ?? e.message,
        file,
        line: pos.line,
        col: pos.col,
        pointer: '',
      });
    }
    return { expansions, diagnostics };
  }

  const w: Walk = { env, file, lineCounter, expansions, diagnostics, replacements: [] };
  walk(w, doc.contents, '', '');
  if (diagnostics.length > 0) return { expansions, diagnostics };

  let out = text;
  for (const r of [...w.replacements].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, r.start) + r.value + out.slice(r.end);
  }
  return { text: out, expansions, diagnostics };
}
