// OpenAI request -> Ollama's native call: which endpoint (/api/chat for ollama_chat/, /api/generate for
// ollama/ chat and completions, /api/embed), and the fields every call shares: model, stream,
// keep_alive, sampling settings under `options` (from the deployment, the request's own values win),
// `format` for JSON answers, `think`.
import type { AdapterDeployment, RequestContext } from '../types.js';
import { isRecord, str, num, invalidRequest, type Json } from '../common.js';
import { toolFunction } from '../content.js';
import { chatMessages, completionPrompt, generateFields } from './messages.js';

export const OLLAMA_DEFAULT_BASE = 'http://localhost:11434';

export function endpointUrl(apiBase: string, path: string): string {
  let base = (apiBase || OLLAMA_DEFAULT_BASE).replace(/\/+$/, '');
  // `/v1` is Ollama's OpenAI-compatible root; the native API lives beside it, never below (LiteLLM #9445).
  if (base.endsWith('/v1')) base = base.slice(0, -3);
  return `${base}${path}`;
}

/** Modelfile parameters Ollama accepts under `options`; taken from the deployment and from the request. */
const OLLAMA_OPTION_KEYS = [
  'num_keep', 'seed', 'num_predict', 'top_k', 'top_p', 'min_p', 'typical_p', 'repeat_last_n', 'temperature',
  'repeat_penalty', 'presence_penalty', 'frequency_penalty', 'mirostat', 'mirostat_tau', 'mirostat_eta',
  'penalize_newline', 'stop', 'numa', 'num_ctx', 'num_batch', 'num_gpu', 'main_gpu', 'low_vram', 'vocab_only',
  'use_mmap', 'use_mlock', 'num_thread',
] as const;

function buildOptions(deployment: AdapterDeployment, body: Json): Json {
  const options: Json = {};
  // Deployment first, the request's own values win.
  for (const source of [deployment.params as Json, body]) {
    for (const key of OLLAMA_OPTION_KEYS) {
      if (source[key] !== undefined && key !== 'stop') options[key] = source[key];
    }
    if (isRecord(source.options)) Object.assign(options, source.options);
  }
  const max = num(body.max_completion_tokens) ?? num(body.max_tokens);
  if (max !== undefined) options.num_predict = max;
  if (typeof body.stop === 'string') options.stop = [body.stop];
  else if (Array.isArray(body.stop) && body.stop.length > 0) options.stop = body.stop;
  return options;
}

/** Fields every native call shares: model, stream, keep_alive, options, format. */
function commonFields(ctx: RequestContext, deployment: AdapterDeployment, body: Json): Json {
  // Ollama streams unless told otherwise, so `stream` is always sent.
  const out: Json = { model: deployment.upstreamModel, stream: ctx.stream };
  const keepAlive = body.keep_alive ?? deployment.params.keep_alive;
  if (typeof keepAlive === 'string' || typeof keepAlive === 'number') out.keep_alive = keepAlive;
  const options = buildOptions(deployment, body);
  if (Object.keys(options).length > 0) out.options = options;
  const rf = body.response_format;
  if (isRecord(rf)) {
    if (rf.type === 'json_object') out.format = 'json';
    else if (rf.type === 'json_schema' && isRecord(rf.json_schema) && isRecord(rf.json_schema.schema)) out.format = rf.json_schema.schema;
  }
  if (body.think !== undefined) out.think = body.think;
  if (isRecord(deployment.params.extra_body)) Object.assign(out, deployment.params.extra_body);
  return out;
}

function embedPayload(deployment: AdapterDeployment, body: Json, common: Json): Json {
  const input = body.input;
  const ok = typeof input === 'string' || (Array.isArray(input) && input.length > 0 && input.every((x) => typeof x === 'string'));
  if (!ok) throw invalidRequest('ollama', 'input must be a string or an array of strings (Ollama does not take token arrays)');
  const payload: Json = { model: deployment.upstreamModel, input };
  if (common.keep_alive !== undefined) payload.keep_alive = common.keep_alive;
  if (common.options !== undefined) payload.options = common.options;
  if (num(body.dimensions) !== undefined) payload.dimensions = body.dimensions;
  if (typeof body.truncate === 'boolean') payload.truncate = body.truncate;
  return payload;
}

function chatTools(tools: unknown[]): Json[] {
  return tools.map((t, i) => ({ type: 'function', function: toolFunction('ollama', t, i) }));
}

/** The path and the JSON body of the native call for this request. */
export function buildBody(ctx: RequestContext, deployment: AdapterDeployment, body: Json): { path: string; payload: Json } {
  const useChat = deployment.prefix === 'ollama_chat';
  const common = commonFields(ctx, deployment, body);
  if (ctx.endpoint === 'embedding') return { path: '/api/embed', payload: embedPayload(deployment, body, common) };
  if (ctx.endpoint === 'completion') {
    const prompt = completionPrompt(body.prompt);
    if (useChat) return { path: '/api/chat', payload: { ...common, messages: [{ role: 'user', content: prompt }] } };
    const payload: Json = { ...common, prompt };
    if (str(body.suffix)) payload.suffix = body.suffix;
    return { path: '/api/generate', payload };
  }
  const tools = Array.isArray(body.tools) && body.tools.length > 0 ? body.tools : undefined;
  if (!useChat) {
    if (tools) throw invalidRequest('ollama', 'tools need the ollama_chat/ prefix (/api/chat); ollama/ uses /api/generate');
    return { path: '/api/generate', payload: { ...common, ...generateFields(body.messages) } };
  }
  const payload: Json = { ...common, messages: chatMessages(body.messages) };
  // Ollama has no tool_choice; "none" is honoured by not offering the tools at all.
  if (tools && body.tool_choice !== 'none') payload.tools = chatTools(tools);
  return { path: '/api/chat', payload };
}
