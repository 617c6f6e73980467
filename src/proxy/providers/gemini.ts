// `gemini/` deployments: OpenAI requests <-> Google AI Studio's Gemini API (v1beta).
// Wire format from the Gemini API reference: models/{model}:generateContent, :streamGenerateContent?alt=sse
// (each SSE `data:` is a whole GenerateContentResponse, the stream ends when the connection closes),
// :embedContent / :batchEmbedContents, key in the `x-goog-api-key` header, errors as google.rpc.Status.
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
import { isRecord, str, num, invalidRequest, parseArguments, SseDecoder, type Json, type SseEvent, wantsBase64, toBase64Floats } from './common.js';

export const GEMINI_DEFAULT_BASE = 'https://generativelanguage.googleapis.com';

/**
 * Gemini 3 wants each function call's thoughtSignature back with the call. OpenAI clients only echo the
 * tool call id, so the signature travels inside it, after this separator.
 */
export const THOUGHT_SIGNATURE_SEPARATOR = '__thought__';




// ---------------------------------------------------------------------------------------------------------
// URLs

function modelPath(model: string): string {
  // `models/x` and `tunedModels/x` are already resource names; a bare id is a base model.
  return model.includes('/') ? model : `models/${model}`;
}

function methodUrl(apiBase: string, model: string, method: string): string {
  let base = (apiBase || GEMINI_DEFAULT_BASE).replace(/\/+$/, '');
  if (!/\/v1(beta\d*|alpha)?$/.test(base)) base = `${base}/v1beta`;
  return `${base}/${modelPath(model)}:${method}`;
}

// ---------------------------------------------------------------------------------------------------------
// Chat request

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
  mp3: 'audio/mp3',
  wav: 'audio/wav',
  mp4: 'video/mp4',
};

function parseDataUrl(url: string): { mimeType: string; data: string } | undefined {
  const m = /^data:([^;,]+)((?:;[^;,]*)*?);base64,(.*)$/s.exec(url);
  return m ? { mimeType: m[1], data: m[3] } : undefined;
}

/** data: URLs are sent inline; other URLs as fileData (Files API URIs, and the public URLs Gemini fetches). */
function mediaPart(url: string, where: string): Json {
  const inline = parseDataUrl(url);
  if (inline) return { inlineData: inline };
  if (!/^(https?|gs):\/\//i.test(url)) throw invalidRequest('gemini', `${where}: expected a data: URL or an http(s)/gs URL`);
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  const fileData: Json = { fileUri: url };
  const mime = ext ? MIME_BY_EXTENSION[ext] : undefined;
  if (mime) fileData.mimeType = mime;
  return { fileData };
}

function userParts(content: unknown, where: string): Json[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ text: content }];
  if (!Array.isArray(content)) throw invalidRequest('gemini', `${where}.content must be a string or an array of parts`);
  const parts: Json[] = [];
  content.forEach((part, i) => {
    const pw = `${where}.content[${i}]`;
    if (!isRecord(part)) throw invalidRequest('gemini', `${pw} must be an object`);
    switch (part.type) {
      case 'text':
        if (str(part.text)) parts.push({ text: part.text });
        break;
      case 'image_url': {
        const iu = part.image_url;
        const url = isRecord(iu) ? str(iu.url) : str(iu);
        if (!url) throw invalidRequest('gemini', `${pw}.image_url.url is missing`);
        parts.push(mediaPart(url, pw));
        break;
      }
      case 'input_audio': {
        const audio = isRecord(part.input_audio) ? part.input_audio : {};
        const data = str(audio.data);
        if (!data) throw invalidRequest('gemini', `${pw}.input_audio.data is missing`);
        parts.push({ inlineData: { mimeType: `audio/${str(audio.format) ?? 'wav'}`, data } });
        break;
      }
      case 'file': {
        const file = isRecord(part.file) ? part.file : {};
        const data = str(file.file_data);
        const id = str(file.file_id);
        if (data) parts.push(mediaPart(data, pw));
        else if (id) parts.push({ fileData: { fileUri: id } });
        else throw invalidRequest('gemini', `${pw}.file needs file_data or file_id`);
        break;
      }
      default:
        throw invalidRequest('gemini', `${pw}.type "${String(part.type)}" is not supported by Gemini`);
    }
  });
  return parts;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p) => (isRecord(p) && p.type === 'text' && typeof p.text === 'string' ? p.text : '')).join('');
}

/** A tool result as functionResponse.response, which must be a JSON object. */
function functionResponse(content: unknown): Json {
  const text = typeof content === 'string' ? content : textOf(content);
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) return parsed;
    // Gemini reads the `output` key as the function's output when the response is not an object already.
    return { output: parsed };
  } catch {
    return { output: text };
  }
}

interface Content {
  role: 'user' | 'model';
  parts: Json[];
}

function buildContents(messages: unknown): { system: Json[]; contents: Content[] } {
  if (!Array.isArray(messages)) throw invalidRequest('gemini', 'messages must be an array');
  const system: Json[] = [];
  const contents: Content[] = [];
  const callNames = new Map<string, string>();
  // Parallel function calls must be answered by one content holding all the responses, so turns of the same
  // side are merged.
  const push = (role: Content['role'], parts: Json[]): void => {
    if (parts.length === 0) return;
    const last = contents[contents.length - 1];
    if (last && last.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };
  messages.forEach((m, i) => {
    const where = `messages[${i}]`;
    if (!isRecord(m)) throw invalidRequest('gemini', `${where} must be an object`);
    switch (m.role) {
      case 'system':
      case 'developer': {
        const text = textOf(m.content);
        if (text) system.push({ text });
        break;
      }
      case 'user':
        push('user', userParts(m.content, where));
        break;
      case 'assistant': {
        const parts: Json[] = [];
        const text = textOf(m.content);
        if (text) parts.push({ text });
        const calls = Array.isArray(m.tool_calls) ? m.tool_calls : [];
        calls.forEach((c, j) => {
          const cw = `${where}.tool_calls[${j}]`;
          if (!isRecord(c) || !isRecord(c.function) || !str(c.function.name)) throw invalidRequest('gemini', `${cw}.function.name is required`);
          const name = c.function.name as string;
          const id = str(c.id) ?? '';
          callNames.set(id, name);
          const part: Json = { functionCall: { name, args: parseArguments('gemini', c.function.arguments, cw) } };
          const sep = id.indexOf(THOUGHT_SIGNATURE_SEPARATOR);
          if (sep !== -1) part.thoughtSignature = id.slice(sep + THOUGHT_SIGNATURE_SEPARATOR.length);
          parts.push(part);
        });
        push('model', parts);
        break;
      }
      case 'tool': {
        const id = str(m.tool_call_id) ?? '';
        const name = callNames.get(id) ?? str(m.name);
        if (!name) throw invalidRequest('gemini', `${where}.tool_call_id does not match an earlier assistant tool call`);
        push('user', [{ functionResponse: { name, response: functionResponse(m.content) } }]);
        break;
      }
      default:
        throw invalidRequest('gemini', `${where}.role "${String(m.role)}" is not supported`);
    }
  });
  return { system, contents };
}

function toolConfig(choice: unknown): Json | undefined {
  if (choice === undefined || choice === null) return undefined;
  if (choice === 'auto') return { functionCallingConfig: { mode: 'AUTO' } };
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' } };
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } };
  if (isRecord(choice) && isRecord(choice.function) && str(choice.function.name)) {
    return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.function.name] } };
  }
  throw invalidRequest('gemini', 'tool_choice must be "auto", "none", "required" or {"type":"function","function":{"name"}}');
}

function generationConfig(body: Json): Json {
  const g: Json = {};
  if (num(body.temperature) !== undefined) g.temperature = body.temperature;
  if (num(body.top_p) !== undefined) g.topP = body.top_p;
  if (num(body.top_k) !== undefined) g.topK = body.top_k;
  const max = num(body.max_completion_tokens) ?? num(body.max_tokens);
  if (max !== undefined) g.maxOutputTokens = max;
  if (typeof body.stop === 'string') g.stopSequences = [body.stop];
  else if (Array.isArray(body.stop) && body.stop.length > 0) g.stopSequences = body.stop;
  if (num(body.n) !== undefined && (body.n as number) > 1) g.candidateCount = body.n;
  if (num(body.seed) !== undefined) g.seed = body.seed;
  if (num(body.presence_penalty) !== undefined) g.presencePenalty = body.presence_penalty;
  if (num(body.frequency_penalty) !== undefined) g.frequencyPenalty = body.frequency_penalty;
  const rf = body.response_format;
  if (isRecord(rf)) {
    if (rf.type === 'json_object') g.responseMimeType = 'application/json';
    else if (rf.type === 'json_schema') {
      g.responseMimeType = 'application/json';
      const js = isRecord(rf.json_schema) ? rf.json_schema : {};
      if (isRecord(js.schema)) g.responseJsonSchema = js.schema;
    }
  }
  return g;
}

function buildChatBody(deployment: AdapterDeployment, body: Json): Json {
  const { system, contents } = buildContents(body.messages);
  const out: Json = { contents };
  if (system.length > 0) out.systemInstruction = { parts: system };
  if (Array.isArray(body.tools) && body.tools.length > 0) {
    const declarations = body.tools.map((t, i) => {
      if (!isRecord(t) || !isRecord(t.function) || !str(t.function.name)) {
        throw invalidRequest('gemini', `tools[${i}] must be {"type":"function","function":{"name",...}}`);
      }
      const d: Json = { name: t.function.name };
      if (str(t.function.description)) d.description = t.function.description;
      // parametersJsonSchema takes JSON Schema as OpenAI clients write it (additionalProperties, $defs, ...),
      // where `parameters` only takes Google's OpenAPI subset and rejects the rest.
      if (isRecord(t.function.parameters)) d.parametersJsonSchema = t.function.parameters;
      return d;
    });
    out.tools = [{ functionDeclarations: declarations }];
    const tc = toolConfig(body.tool_choice);
    if (tc) out.toolConfig = tc;
  }
  const g = generationConfig(body);
  if (Object.keys(g).length > 0) out.generationConfig = g;
  if (isRecord(deployment.params.extra_body)) Object.assign(out, deployment.params.extra_body);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Embeddings

function embeddingInputs(input: unknown): { texts: string[]; single: boolean } {
  if (typeof input === 'string') return { texts: [input], single: true };
  if (Array.isArray(input) && input.length > 0 && input.every((x) => typeof x === 'string')) {
    return { texts: input as string[], single: false };
  }
  throw invalidRequest('gemini', 'input must be a string or an array of strings (Gemini does not take token arrays)');
}

function buildEmbeddingRequest(deployment: AdapterDeployment, body: Json, headers: Record<string, string>): UpstreamRequest {
  const { texts, single } = embeddingInputs(body.input);
  const dims = num(body.dimensions);
  const one = (text: string): Json => {
    const r: Json = { content: { parts: [{ text }] } };
    if (dims !== undefined) r.outputDimensionality = dims;
    return r;
  };
  if (single) {
    return {
      url: methodUrl(deployment.apiBase, deployment.upstreamModel, 'embedContent'),
      method: 'POST',
      headers,
      body: JSON.stringify(one(texts[0])),
    };
  }
  const model = modelPath(deployment.upstreamModel);
  return {
    url: methodUrl(deployment.apiBase, deployment.upstreamModel, 'batchEmbedContents'),
    method: 'POST',
    headers,
    body: JSON.stringify({ requests: texts.map((t) => ({ model, ...one(t) })) }),
  };
}



function translateEmbeddings(ctx: RequestContext, upstream: unknown): Json {
  if (!isRecord(upstream)) throw new RainyModelError('upstream/malformed', 'gemini: embedding response is not an object');
  let vectors: unknown[];
  if (isRecord(upstream.embedding)) vectors = [upstream.embedding];
  else if (Array.isArray(upstream.embeddings)) vectors = upstream.embeddings;
  else throw new RainyModelError('upstream/malformed', 'gemini: embedding response has neither embedding nor embeddings');
  const base64 = wantsBase64(ctx);
  const data = vectors.map((v, index) => {
    const values = isRecord(v) && Array.isArray(v.values) ? v.values : [];
    return { object: 'embedding', index, embedding: base64 ? toBase64Floats(values) : values };
  });
  // The embedding endpoints report no token counts.
  return { object: 'list', data, model: ctx.requestModel, usage: { prompt_tokens: 0, total_tokens: 0 } };
}

// ---------------------------------------------------------------------------------------------------------
// Chat responses

const CONTENT_FILTER_REASONS = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

function finishReason(reason: unknown, hasToolCalls: boolean): string | null {
  if (typeof reason !== 'string' || reason === '') return null;
  if (reason === 'MAX_TOKENS') return 'length';
  if (CONTENT_FILTER_REASONS.has(reason)) return 'content_filter';
  return hasToolCalls ? 'tool_calls' : 'stop';
}

function usageOf(meta: unknown): Json | undefined {
  if (!isRecord(meta)) return undefined;
  const prompt = num(meta.promptTokenCount) ?? 0;
  const thoughts = num(meta.thoughtsTokenCount) ?? 0;
  // Thinking tokens are billed as output; OpenAI counts reasoning inside completion_tokens.
  const completion = (num(meta.candidatesTokenCount) ?? 0) + thoughts;
  const usage: Json = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: num(meta.totalTokenCount) ?? prompt + completion,
  };
  if (num(meta.cachedContentTokenCount) !== undefined) usage.prompt_tokens_details = { cached_tokens: meta.cachedContentTokenCount };
  if (thoughts > 0) usage.completion_tokens_details = { reasoning_tokens: thoughts };
  return usage;
}

function toolCallId(part: Json, call: Json): string {
  const base = str(call.id) ?? `call_${randomUUID().replace(/-/g, '')}`;
  const sig = str(part.thoughtSignature);
  return sig ? `${base}${THOUGHT_SIGNATURE_SEPARATOR}${sig}` : base;
}

interface PartsView {
  text: string;
  reasoning: string;
  calls: Array<{ id: string; name: string; args: string }>;
}

function readParts(content: unknown): PartsView {
  const view: PartsView = { text: '', reasoning: '', calls: [] };
  const parts = isRecord(content) && Array.isArray(content.parts) ? content.parts : [];
  for (const part of parts) {
    if (!isRecord(part)) continue;
    if (typeof part.text === 'string') {
      if (part.thought === true) view.reasoning += part.text;
      else view.text += part.text;
    } else if (isRecord(part.functionCall)) {
      const call = part.functionCall;
      view.calls.push({ id: toolCallId(part, call), name: str(call.name) ?? '', args: JSON.stringify(call.args ?? {}) });
    }
  }
  return view;
}

function blockedMessage(upstream: Json): string | undefined {
  const fb = isRecord(upstream.promptFeedback) ? upstream.promptFeedback : undefined;
  return fb ? str(fb.blockReason) : undefined;
}

function translateChat(ctx: RequestContext, upstream: unknown): Json {
  if (!isRecord(upstream)) throw new RainyModelError('upstream/malformed', 'gemini: response is not an object');
  const candidates = Array.isArray(upstream.candidates) ? upstream.candidates.filter(isRecord) : [];
  const choices: Json[] = candidates.map((c, i) => {
    const view = readParts(c.content);
    const message: Json = { role: 'assistant', content: view.text === '' && view.calls.length > 0 ? null : view.text };
    if (view.calls.length > 0) {
      message.tool_calls = view.calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.args } }));
    }
    if (view.reasoning) message.reasoning_content = view.reasoning;
    return {
      index: num(c.index) ?? i,
      message,
      finish_reason: finishReason(c.finishReason, view.calls.length > 0) ?? 'stop',
      logprobs: null,
    };
  });
  if (choices.length === 0 && blockedMessage(upstream)) {
    // The prompt itself was blocked: no candidates, only promptFeedback.blockReason.
    choices.push({ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'content_filter', logprobs: null });
  }
  if (choices.length === 0) throw new RainyModelError('upstream/malformed', 'gemini: response has no candidates');
  const out: Json = {
    id: str(upstream.responseId) ?? `chatcmpl-${randomUUID()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: ctx.requestModel,
    choices,
  };
  const usage = usageOf(upstream.usageMetadata);
  if (usage) out.usage = usage;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Errors

interface ErrorKind {
  status: number;
  type: string;
  retryable: boolean;
}

const BY_RPC_STATUS: Record<string, ErrorKind> = {
  INVALID_ARGUMENT: { status: 400, type: 'invalid_request_error', retryable: false },
  FAILED_PRECONDITION: { status: 400, type: 'invalid_request_error', retryable: false },
  OUT_OF_RANGE: { status: 400, type: 'invalid_request_error', retryable: false },
  UNAUTHENTICATED: { status: 401, type: 'authentication_error', retryable: false },
  PERMISSION_DENIED: { status: 403, type: 'permission_error', retryable: false },
  NOT_FOUND: { status: 404, type: 'not_found_error', retryable: false },
  RESOURCE_EXHAUSTED: { status: 429, type: 'rate_limit_error', retryable: true },
  CANCELLED: { status: 503, type: 'api_error', retryable: true },
  INTERNAL: { status: 500, type: 'api_error', retryable: true },
  UNKNOWN: { status: 500, type: 'api_error', retryable: true },
  UNAVAILABLE: { status: 503, type: 'api_error', retryable: true },
  DEADLINE_EXCEEDED: { status: 504, type: 'timeout_error', retryable: true },
};

function kindFromStatus(status: number): ErrorKind {
  if (status === 401) return BY_RPC_STATUS.UNAUTHENTICATED;
  if (status === 403) return BY_RPC_STATUS.PERMISSION_DENIED;
  if (status === 404) return BY_RPC_STATUS.NOT_FOUND;
  if (status === 408) return { status: 408, type: 'timeout_error', retryable: true };
  if (status === 429) return BY_RPC_STATUS.RESOURCE_EXHAUSTED;
  if (status >= 500) return { status, type: 'api_error', retryable: true };
  return { status, type: 'invalid_request_error', retryable: false };
}

function hasReason(details: unknown, reason: string): boolean {
  return Array.isArray(details) && details.some((d) => isRecord(d) && d.reason === reason);
}

const MAX_RETRY_DELAY_MS = 3_600_000;

/** google.rpc.RetryInfo's retryDelay: a protobuf Duration, as JSON `"12s"` / `"0.5s"` or `{seconds, nanos}`. */
function retryDelayMs(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const d of details) {
    if (!isRecord(d) || d.retryDelay === undefined) continue;
    const v = d.retryDelay;
    let seconds: number | undefined;
    if (typeof v === 'string') {
      const m = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(v);
      if (m) seconds = Number(m[1]);
    } else if (isRecord(v)) {
      const s = Number(v.seconds ?? 0);
      const n = Number(v.nanos ?? 0);
      if (Number.isFinite(s) && Number.isFinite(n)) seconds = s + n / 1e9;
    }
    if (seconds !== undefined && seconds >= 0) return Math.min(Math.ceil(seconds * 1000), MAX_RETRY_DELAY_MS);
  }
  return undefined;
}

function fromStatusObject(httpStatus: number, error: unknown, fallbackText: string): TranslatedError {
  const rpc = isRecord(error) ? str(error.status) : undefined;
  const code = isRecord(error) ? num(error.code) : undefined;
  const message = (isRecord(error) ? str(error.message) : undefined) ?? (fallbackText.trim().slice(0, 500) || `HTTP ${httpStatus}`);
  let kind = (rpc && BY_RPC_STATUS[rpc]) || kindFromStatus(code ?? httpStatus);
  // A wrong key comes back as 400 INVALID_ARGUMENT; it is an authentication failure for the router and for
  // key rotation.
  if (isRecord(error) && hasReason(error.details, 'API_KEY_INVALID')) kind = BY_RPC_STATUS.UNAUTHENTICATED;
  const out: TranslatedError = { status: kind.status, type: kind.type, code: rpc ?? null, message, retryable: kind.retryable };
  const wait = isRecord(error) ? retryDelayMs(error.details) : undefined;
  if (wait !== undefined) out.retryAfterMs = wait;
  return out;
}

function translateError(status: number, bodyText: string): TranslatedError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  // Some Google front ends wrap the status in a one-element array.
  if (Array.isArray(parsed)) parsed = parsed[0];
  const error = isRecord(parsed) ? parsed.error : undefined;
  return fromStatusObject(status, error, isRecord(parsed) ? '' : bodyText);
}

// ---------------------------------------------------------------------------------------------------------
// Streaming

interface ChoiceState {
  started: boolean;
  toolCalls: number;
  finish: string | null;
}

class GeminiStream implements StreamTranslator {
  private readonly sse = new SseDecoder();
  private id = `chatcmpl-${randomUUID()}`;
  private readonly created = Math.floor(Date.now() / 1000);
  private readonly choices = new Map<number, ChoiceState>();
  private usage: Json | undefined;
  private finished = false;
  private failed = false;

  constructor(private readonly ctx: RequestContext) {}

  push(text: string): StreamEvent[] {
    return this.handle(this.sse.push(text));
  }

  end(): StreamEvent[] {
    const out = this.handle(this.sse.push('', true));
    if (this.failed) return out;
    const states = [...this.choices.values()];
    this.finished = states.length > 0 && states.every((s) => s.finish !== null);
    if (!this.finished) {
      // Gemini has no end-of-stream event: a body that stops before a finishReason was cut off.
      out.push({
        kind: 'error',
        error: { status: 502, type: 'api_error', code: 'stream_truncated', message: 'gemini: the upstream stream ended before a finishReason', retryable: true },
      });
      return out;
    }
    // finish_reason goes out once per choice, after all its content (Gemini may put both in one response).
    for (const [index, s] of [...this.choices.entries()].sort((a, b) => a[0] - b[0])) {
      this.open(index, s, out);
      out.push(this.chunk(index, {}, s.finish));
    }
    if (this.usage) {
      out.push({ kind: 'chunk', data: { id: this.id, object: 'chat.completion.chunk', created: this.created, model: this.ctx.requestModel, choices: [], usage: this.usage } });
    }
    out.push({ kind: 'done' });
    return out;
  }

  private chunk(index: number, delta: Json, finish: string | null = null): StreamEvent {
    return {
      kind: 'chunk',
      data: {
        id: this.id,
        object: 'chat.completion.chunk',
        created: this.created,
        model: this.ctx.requestModel,
        choices: [{ index, delta, finish_reason: finish, logprobs: null }],
      },
    };
  }

  private state(index: number): ChoiceState {
    let s = this.choices.get(index);
    if (!s) {
      s = { started: false, toolCalls: 0, finish: null };
      this.choices.set(index, s);
    }
    return s;
  }

  /**
   * The role goes in a choice's first chunk, sent only with its first real content: until then nothing
   * reaches the client, so an early error can still fall back to another deployment.
   */
  private open(index: number, s: ChoiceState, out: StreamEvent[]): void {
    if (s.started) return;
    s.started = true;
    out.push(this.chunk(index, { role: 'assistant', content: '' }));
  }

  private handle(events: SseEvent[]): StreamEvent[] {
    const out: StreamEvent[] = [];
    for (const { data } of events) {
      if (this.failed) break;
      let msg: unknown;
      try {
        msg = JSON.parse(data);
      } catch {
        this.failed = true;
        out.push({ kind: 'error', error: { status: 502, type: 'api_error', code: 'bad_upstream_event', message: 'gemini: unparsable stream event', retryable: true } });
        break;
      }
      if (!isRecord(msg)) continue;
      if (isRecord(msg.error)) {
        this.failed = true;
        out.push({ kind: 'error', error: fromStatusObject(500, msg.error, '') });
        break;
      }
      if (str(msg.responseId)) this.id = msg.responseId as string;
      const usage = usageOf(msg.usageMetadata);
      if (usage) this.usage = usage;
      const candidates = Array.isArray(msg.candidates) ? msg.candidates.filter(isRecord) : [];
      if (candidates.length === 0 && blockedMessage(msg)) {
        this.state(0).finish = 'content_filter';
        continue;
      }
      candidates.forEach((c, i) => {
        const index = num(c.index) ?? i;
        const s = this.state(index);
        const view = readParts(c.content);
        if (view.reasoning || view.text || view.calls.length > 0) this.open(index, s, out);
        if (view.reasoning) out.push(this.chunk(index, { reasoning_content: view.reasoning }));
        if (view.text) out.push(this.chunk(index, { content: view.text }));
        for (const call of view.calls) {
          // Gemini sends each call whole; clients still expect id and name first, then the arguments.
          const ti = s.toolCalls++;
          out.push(this.chunk(index, { tool_calls: [{ index: ti, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
          out.push(this.chunk(index, { tool_calls: [{ index: ti, function: { arguments: call.args } }] }));
        }
        const reason = finishReason(c.finishReason, s.toolCalls > 0);
        if (reason) s.finish = reason;
      });
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------

export const geminiAdapter: ProviderAdapter = {
  prefixes: ['gemini'],
  endpoints: ['chat', 'embedding'],
  defaultApiBases: { gemini: GEMINI_DEFAULT_BASE },

  buildRequest(ctx, deployment, body): UpstreamRequest {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (deployment.apiKey) headers['x-goog-api-key'] = deployment.apiKey;
    if (ctx.endpoint === 'embedding') return buildEmbeddingRequest(deployment, body, headers);
    if (ctx.endpoint !== 'chat') throw invalidRequest('gemini', `the ${ctx.endpoint} endpoint is not offered by Gemini`);
    const method = ctx.stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
    return {
      url: methodUrl(deployment.apiBase, deployment.upstreamModel, method),
      method: 'POST',
      headers,
      body: JSON.stringify(buildChatBody(deployment, body)),
    };
  },

  translateResponse(ctx, _deployment, upstream) {
    return ctx.endpoint === 'embedding' ? translateEmbeddings(ctx, upstream) : translateChat(ctx, upstream);
  },

  createStreamTranslator(ctx) {
    return new GeminiStream(ctx);
  },

  translateError,
};
