// Loads the compiled file for serving: YAML -> schema check (the same JSON Schema as the compiler's
// output) -> environment references resolved. The proxy reads only this file, never the sources.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { CompiledConfig } from '../shared/compiled-config.js';
import type { Diagnostic } from '../shared/diagnostics.js';
import { resolveEnvRefs, type MissingEnv } from './env.js';

export type LoadResult =
  | { ok: true; config: CompiledConfig; missing: MissingEnv[]; file: string; sha256: string }
  | { ok: false; diagnostics: Diagnostic[]; file: string };

let validator: ValidateFunction | undefined;

async function getValidator(): Promise<ValidateFunction> {
  if (validator) return validator;
  // src/proxy and dist/proxy both sit two levels under the package root, next to schemas/.
  const url = new URL('../../schemas/litellm-config.schema.json', import.meta.url);
  const schema = JSON.parse(await readFile(url, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  validator = ajv.compile(schema);
  return validator;
}

function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function describeAjvError(e: ErrorObject): string {
  const where = e.instancePath || '(document)';
  if (e.keyword === 'enum' && Array.isArray((e.params as { allowedValues?: unknown[] }).allowedValues)) {
    const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return `${where} ${e.message ?? 'is invalid'} (${allowed})`;
  }
  if (e.keyword === 'required') return `${where} is missing required field "${(e.params as { missingProperty: string }).missingProperty}"`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

export async function loadCompiledConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, file, diagnostics: [diag(file, 'file/unreadable', `cannot read config: ${message}`, 0, 0, '')] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      file,
      diagnostics: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return diag(file, e.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax', e.message.split('\n')[0], pos.line, pos.col, '');
      }),
    };
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  const validate = await getValidator();
  if (!validate(raw)) {
    const diagnostics = (validate.errors ?? []).map((e) => {
      // Point at the closest existing YAML node so the message can be found in the file.
      let path = pointerToPath(e.instancePath);
      let node: unknown = doc.getIn(path, true);
      while (!isNode(node) && path.length > 0) {
        path = path.slice(0, -1);
        node = path.length === 0 ? doc.contents : doc.getIn(path, true);
      }
      const offset = isNode(node) && node.range ? node.range[0] : 0;
      const pos = lineCounter.linePos(offset);
      return diag(file, `schema/${e.keyword}`, describeAjvError(e), pos.line, pos.col, e.instancePath);
    });
    return { ok: false, file, diagnostics };
  }
  const { value, missing } = resolveEnvRefs(raw, env);
  // The file's hash, shown by /health/readiness: `rmctl apply` waits for it to know the new file is serving.
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { ok: true, config: value as CompiledConfig, missing, file, sha256 };
}

function diag(file: string, code: string, message: string, line: number, col: number, pointer: string): Diagnostic {
  return { code, severity: 'error', message, file, line, col, pointer };
}
