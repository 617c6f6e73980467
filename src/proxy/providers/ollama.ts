// `ollama_chat/` and `ollama/` deployments: OpenAI requests <-> Ollama's native API.
// Wire format from Ollama's API documentation: POST /api/chat (messages, tools, images as base64),
// POST /api/generate (prompt, system, images), POST /api/embed; sampling settings under `options`
// (num_predict, temperature, top_p, stop, seed, ...), `keep_alive` at the top level; responses stream as
// newline-delimited JSON objects ending with one that has `done: true` and the counters.
import { randomUUID } from 'node:crypto';
import { RainyModelError } from '../../shared/errors.js';
import type {
  AdapterDeployment,
  ProviderAdapter,
  RequestContext,
  StreamEvent,
  StreamTranslator,
  TranslatedError,
  UpstreamRequest,
} from './types.js';
import { isRecord, str, num, invalidRequest, parseArguments, type Json, wantsBase64, toBase64Floats } from './common.js';

export const OLLAMA_DEFAULT_BASE = 'http://localhost:11434';




function endpointUrl(apiBase: string, path: string): string {
  let base = (apiBase || OLLAMA_DEFAULT_BASE).replace(/\/+$/, '');
  // `/v1` is Ollama's OpenAI-compatible root; the native API lives beside it, never below (LiteLLM #9445).
  if (base.endsWith('/v1')) base = base.slice(0, -3);
  return `${base}${path}`;
}

// ---------------------------------------------------------------------------------------------------------
// Options

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

// ---------------------------------------------------------------------------------------------------------
// Messages

/** Ollama takes images as bare base64; it cannot fetch URLs and neither can a pure adapter. */
function imageData(url: string, where: string): string {
  const m = /^data:[^,]*;base64,(.*)$/s.exec(url);
  if (m) return m[1];
  throw invalidRequest('ollama', `${where}: Ollama takes images only as base64 data: URLs, not "${url.slice(0, 40)}"`);
}

function splitContent(content: unknown, where: string): { text: string; images: string[] } {
  if (content === null || content === undefined) return { text: '', images: [] };
  if (typeof content === 'string') return { text: content, images: [] };
  if (!Array.isArray(content)) throw invalidRequest('ollama', `${where}.content must be a string or an array of parts`);
  const texts: string[] = [];
  const images: string[] = [];
  content.forEach((part, i) => {
    const pw = `${where}.content[${i}]`;
    if (!isRecord(part)) throw invalidRequest('ollama', `${pw} must be an object`);
    if (part.type === 'text') {
      if (typeof part.text === 'string') texts.push(part.text);
    } else if (part.type === 'image_url') {
      const iu = part.image_url;
      const url = isRecord(iu) ? str(iu.url) : str(iu);
      if (!url) throw invalidRequest('ollama', `${pw}.image_url.url is missing`);
      images.push(imageData(url, pw));
    } else {
      throw invalidRequest('ollama', `${pw}.type "${String(part.type)}" is not supported by Ollama`);
    }
  });
  return { text: texts.join('\n'), images };
}

function chatMessages(messages: unknown): Json[] {
  if (!Array.isArray(messages)) throw invalidRequest('ollama', 'messages must be an array');
  const names = new Map<string, string>();
  return messages.map((m, i) => {
    const where = `messages[${i}]`;
    if (!isRecord(m)) throw invalidRequest('ollama', `${where} must be an object`);
    const { text, images } = splitContent(m.content, where);
    switch (m.role) {
      case 'system':
      case 'developer':
        return { role: 'system', content: text };
      case 'user': {
        const out: Json = { role: 'user', content: text };
        if (images.length > 0) out.images = images;
        return out;
      }
      case 'assistant': {
        const out: Json = { role: 'assistant', content: text };
        const calls = Array.isArray(m.tool_calls) ? m.tool_calls : [];
        if (calls.length > 0) {
          out.tool_calls = calls.map((c, j) => {
            const cw = `${where}.tool_calls[${j}]`;
            if (!isRecord(c) || !isRecord(c.function) || !str(c.function.name)) throw invalidRequest('ollama', `${cw}.function.name is required`);
            if (str(c.id)) names.set(c.id as string, c.function.name as string);
            // Ollama wants arguments as an object, OpenAI sends a JSON string.
            return { function: { name: c.function.name, arguments: parseArguments('ollama', c.function.arguments, cw) } };
          });
        }
        return out;
      }
      case 'tool': {
        const out: Json = { role: 'tool', content: text };
        const name = names.get(str(m.tool_call_id) ?? '') ?? str(m.name);
        if (name) out.tool_name = name;
        return out;
      }
      default:
        throw invalidRequest('ollama', `${where}.role "${String(m.role)}" is not supported`);
    }
  });
}

/**
 * /api/generate takes one prompt: a single user message goes as it is, a conversation as a plain transcript
 * (the model's template still wraps it), system messages go in `system`.
 */
function generateFields(messages: unknown): Json {
  if (!Array.isArray(messages)) throw invalidRequest('ollama', 'messages must be an array');
  const system: string[] = [];
  const turns: Array<{ role: string; text: string }> = [];
  const images: string[] = [];
  messages.forEach((m, i) => {
    const where = `messages[${i}]`;
    if (!isRecord(m)) throw invalidRequest('ollama', `${where} must be an object`);
    if (m.role === 'tool' || (Array.isArray(m.tool_calls) && m.tool_calls.length > 0)) {
      throw invalidRequest('ollama', `${where}: tool calls need the ollama_chat/ prefix (/api/chat); ollama/ uses /api/generate`);
    }
    const { text, images: imgs } = splitContent(m.content, where);
    images.push(...imgs);
    if (m.role === 'system' || m.role === 'developer') system.push(text);
    else if (m.role === 'user' || m.role === 'assistant') turns.push({ role: m.role, text });
    else throw invalidRequest('ollama', `${where}.role "${String(m.role)}" is not supported`);
  });
  let prompt: string;
  if (turns.length === 1 && turns[0].role === 'user') prompt = turns[0].text;
  else {
    prompt = turns.map((t) => `${t.role === 'user' ? 'User' : 'Assistant'}: ${t.text}`).join('\n\n');
    if (turns.length > 0 && turns[turns.length - 1].role === 'user') prompt += '\n\nAssistant:';
  }
  const out: Json = { prompt };
  if (system.length > 0) out.system = system.join('\n\n');
  if (images.length > 0) out.images = images;
  return out;
}

function completionPrompt(prompt: unknown): string {
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt) && prompt.length === 1 && typeof prompt[0] === 'string') return prompt[0];
  throw invalidRequest('ollama', 'prompt must be a string (Ollama generates one completion per request)');
}

function buildBody(ctx: RequestContext, deployment: AdapterDeployment, body: Json): { path: string; payload: Json } {
  const useChat = deployment.prefix === 'ollama_chat';
  const common = commonFields(ctx, deployment, body);
  if (ctx.endpoint === 'embedding') {
    const input = body.input;
    const ok = typeof input === 'string' || (Array.isArray(input) && input.length > 0 && input.every((x) => typeof x === 'string'));
    if (!ok) throw invalidRequest('ollama', 'input must be a string or an array of strings (Ollama does not take token arrays)');
    const payload: Json = { model: deployment.upstreamModel, input };
    if (common.keep_alive !== undefined) payload.keep_alive = common.keep_alive;
    if (common.options !== undefined) payload.options = common.options;
    if (num(body.dimensions) !== undefined) payload.dimensions = body.dimensions;
    if (typeof body.truncate === 'boolean') payload.truncate = body.truncate;
    return { path: '/api/embed', payload };
  }
  if (ctx.endpoint === 'completion') {
    const prompt = completionPrompt(body.prompt);
    if (useChat) return { path: '/api/chat', payload: { ...common, messages: [{ role: 'user', content: prompt }] } };
    const payload: Json = { ...common, prompt };
    if (str(body.suffix)) payload.suffix = body.suffix;
    return { path: '/api/generate', payload };
  }
  if (!useChat) {
    if (Array.isArray(body.tools) && body.tools.length > 0) {
      throw invalidRequest('ollama', 'tools need the ollama_chat/ prefix (/api/chat); ollama/ uses /api/generate');
    }
    return { path: '/api/generate', payload: { ...common, ...generateFields(body.messages) } };
  }
  const payload: Json = { ...common, messages: chatMessages(body.messages) };
  // Ollama has no tool_choice; "none" is honoured by not offering the tools at all.
  if (Array.isArray(body.tools) && body.tools.length > 0 && body.tool_choice !== 'none') {
    payload.tools = body.tools.map((t, i) => {
      if (!isRecord(t) || !isRecord(t.function) || !str(t.function.name)) {
        throw invalidRequest('ollama', `tools[${i}] must be {"type":"function","function":{"name",...}}`);
      }
      return { type: 'function', function: t.function };
    });
  }
  return { path: '/api/chat', payload };
}

// ---------------------------------------------------------------------------------------------------------
// Responses

function usageOf(msg: Json): Json {
  const prompt = num(msg.prompt_eval_count) ?? 0;
  const completion = num(msg.eval_count) ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function finishReason(doneReason: unknown, hasToolCalls: boolean): string {
  if (doneReason === 'length') return 'length';
  // Ollama reports "stop" after a tool call too; OpenAI clients look for "tool_calls".
  return hasToolCalls ? 'tool_calls' : 'stop';
}

interface Call {
  id: string;
  name: string;
  args: string;
}

function readCalls(message: unknown): Call[] {
  if (!isRecord(message) || !Array.isArray(message.tool_calls)) return [];
  return message.tool_calls.filter(isRecord).map((c) => {
    const fn = isRecord(c.function) ? c.function : {};
    const args = fn.arguments;
    return {
      id: str(c.id) ?? `call_${randomUUID().replace(/-/g, '')}`,
      name: str(fn.name) ?? '',
      args: typeof args === 'string' ? args : JSON.stringify(args ?? {}),
    };
  });
}

/** Text of one Ollama object: `message.content` from /api/chat, `response` from /api/generate. */
function textOf(msg: Json): string {
  if (isRecord(msg.message)) return str(msg.message.content) ?? '';
  return str(msg.response) ?? '';
}

function reasoningOf(msg: Json): string {
  if (isRecord(msg.message)) return str(msg.message.thinking) ?? '';
  return str(msg.thinking) ?? '';
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}



function translateGenerated(ctx: RequestContext, upstream: unknown): Json {
  if (!isRecord(upstream)) throw new RainyModelError('upstream/malformed', 'ollama: response is not an object');
  if (ctx.endpoint === 'embedding') {
    if (!Array.isArray(upstream.embeddings)) throw new RainyModelError('upstream/malformed', 'ollama: embed response has no embeddings');
    const prompt = num(upstream.prompt_eval_count) ?? 0;
    const base64 = wantsBase64(ctx);
    return {
      object: 'list',
      data: upstream.embeddings.map((values, index) => ({ object: 'embedding', index, embedding: base64 ? toBase64Floats(values) : values })),
      model: ctx.requestModel,
      usage: { prompt_tokens: prompt, total_tokens: prompt },
    };
  }
  const text = textOf(upstream);
  const calls = readCalls(upstream.message);
  const finish = finishReason(upstream.done_reason, calls.length > 0);
  const base = { created: nowSeconds(), model: ctx.requestModel, usage: usageOf(upstream) };
  if (ctx.endpoint === 'completion') {
    return { id: `cmpl-${randomUUID()}`, object: 'text_completion', ...base, choices: [{ index: 0, text, finish_reason: finish, logprobs: null }] };
  }
  const message: Json = { role: 'assistant', content: text === '' && calls.length > 0 ? null : text };
  if (calls.length > 0) {
    message.tool_calls = calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.args } }));
  }
  const reasoning = reasoningOf(upstream);
  if (reasoning) message.reasoning_content = reasoning;
  return { id: `chatcmpl-${randomUUID()}`, object: 'chat.completion', ...base, choices: [{ index: 0, message, finish_reason: finish, logprobs: null }] };
}

// ---------------------------------------------------------------------------------------------------------
// Errors

function kindFromStatus(status: number): { status: number; type: string; retryable: boolean } {
  if (status === 400 || status === 422) return { status: 400, type: 'invalid_request_error', retryable: false };
  if (status === 401) return { status, type: 'authentication_error', retryable: false };
  if (status === 403) return { status, type: 'permission_error', retryable: false };
  if (status === 404) return { status, type: 'not_found_error', retryable: false };
  if (status === 408) return { status, type: 'timeout_error', retryable: true };
  if (status === 413) return { status, type: 'invalid_request_error', retryable: false };
  if (status === 429) return { status, type: 'rate_limit_error', retryable: true };
  if (status >= 500) return { status, type: 'api_error', retryable: true };
  return { status, type: 'invalid_request_error', retryable: false };
}

function translateError(status: number, bodyText: string): TranslatedError {
  let message: string | undefined;
  try {
    const parsed: unknown = JSON.parse(bodyText);
    // Ollama's errors are `{"error": "<text>"}`; reverse proxies in front of it may send OpenAI's shape.
    if (isRecord(parsed)) message = str(parsed.error) ?? (isRecord(parsed.error) ? str(parsed.error.message) : undefined);
  } catch {
    message = undefined;
  }
  const kind = kindFromStatus(status);
  return { ...kind, code: null, message: message ?? (bodyText.trim().slice(0, 500) || `HTTP ${status}`) };
}

// ---------------------------------------------------------------------------------------------------------
// Streaming

class OllamaStream implements StreamTranslator {
  private buffer = '';
  private readonly id: string;
  private readonly created = nowSeconds();
  private started = false;
  private finished = false;
  private failed = false;
  private toolCalls = 0;

  constructor(private readonly ctx: RequestContext) {
    this.id = ctx.endpoint === 'completion' ? `cmpl-${randomUUID()}` : `chatcmpl-${randomUUID()}`;
  }

  push(text: string): StreamEvent[] {
    this.buffer += text;
    const out: StreamEvent[] = [];
    let nl = this.buffer.indexOf('\n');
    while (nl !== -1 && !this.finished && !this.failed) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      this.line(line, out);
      nl = this.buffer.indexOf('\n');
    }
    return out;
  }

  end(): StreamEvent[] {
    const out: StreamEvent[] = [];
    if (!this.finished && !this.failed && this.buffer.trim() !== '') this.line(this.buffer, out);
    this.buffer = '';
    if (!this.finished && !this.failed) {
      this.failed = true;
      out.push({
        kind: 'error',
        error: { status: 502, type: 'api_error', code: 'stream_truncated', message: 'ollama: the upstream stream ended before done', retryable: true },
      });
    }
    return out;
  }

  private chunk(fields: Json, finish: string | null = null): StreamEvent {
    const completion = this.ctx.endpoint === 'completion';
    const choice = completion
      ? { index: 0, text: str(fields.content) ?? '', finish_reason: finish, logprobs: null }
      : { index: 0, delta: fields, finish_reason: finish, logprobs: null };
    return {
      kind: 'chunk',
      data: { id: this.id, object: completion ? 'text_completion' : 'chat.completion.chunk', created: this.created, model: this.ctx.requestModel, choices: [choice] },
    };
  }

  private line(raw: string, out: StreamEvent[]): void {
    const line = raw.trim();
    if (line === '') return;
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch {
      this.failed = true;
      out.push({ kind: 'error', error: { status: 502, type: 'api_error', code: 'bad_upstream_event', message: 'ollama: unparsable stream line', retryable: true } });
      return;
    }
    if (!isRecord(msg)) return;
    if (msg.error !== undefined) {
      // An error after the 200 header arrives as one more line: `{"error": "..."}`.
      this.failed = true;
      out.push({ kind: 'error', error: translateError(500, line) });
      return;
    }
    const chat = this.ctx.endpoint !== 'completion';
    const reasoning = chat ? reasoningOf(msg) : '';
    const text = textOf(msg);
    const calls = chat ? readCalls(msg.message) : [];
    // The role goes in the first chunk, sent only with the first real content (or the end): until then
    // nothing reaches the client, so an early error line can still fall back to another deployment.
    if (!this.started && chat && (reasoning || text || calls.length > 0 || msg.done === true)) {
      this.started = true;
      out.push(this.chunk({ role: 'assistant', content: '' }));
    }
    if (reasoning) out.push(this.chunk({ reasoning_content: reasoning }));
    if (text) out.push(this.chunk({ content: text }));
    for (const call of calls) {
      // Ollama sends each call whole; clients expect id and name first, then the arguments.
      const index = this.toolCalls++;
      out.push(this.chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
      out.push(this.chunk({ tool_calls: [{ index, function: { arguments: call.args } }] }));
    }
    if (msg.done === true) {
      this.finished = true;
      out.push(this.chunk(chat ? {} : { content: '' }, finishReason(msg.done_reason, this.toolCalls > 0)));
      out.push({
        kind: 'chunk',
        data: { id: this.id, object: chat ? 'chat.completion.chunk' : 'text_completion', created: this.created, model: this.ctx.requestModel, choices: [], usage: usageOf(msg) },
      });
      out.push({ kind: 'done' });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

export const ollamaAdapter: ProviderAdapter = {
  prefixes: ['ollama_chat', 'ollama'],
  endpoints: ['chat', 'completion', 'embedding'],
  defaultApiBases: { ollama_chat: OLLAMA_DEFAULT_BASE, ollama: OLLAMA_DEFAULT_BASE },

  buildRequest(ctx, deployment, body): UpstreamRequest {
    const { path, payload } = buildBody(ctx, deployment, body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    // Ollama itself has no auth; a key is for the reverse proxy some teams put in front of it.
    if (deployment.apiKey) headers.authorization = `Bearer ${deployment.apiKey}`;
    return { url: endpointUrl(deployment.apiBase, path), method: 'POST', headers, body: JSON.stringify(payload) };
  },

  translateResponse(ctx, _deployment, upstream) {
    return translateGenerated(ctx, upstream);
  },

  createStreamTranslator(ctx) {
    return new OllamaStream(ctx);
  },

  translateError,
};
