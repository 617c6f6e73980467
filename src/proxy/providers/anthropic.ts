// `anthropic/` deployments: OpenAI chat requests <-> Anthropic Messages API (POST /v1/messages).
// Wire format from Anthropic's Messages, streaming and errors documentation: system prompt as a top-level
// field, content blocks (text, image, document, tool_use, tool_result), `x-api-key` + `anthropic-version`,
// SSE events message_start / content_block_* / message_delta / message_stop / ping / error.
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
import { isRecord, str, num, invalidRequest, parseArguments, SseDecoder, type Json } from './common.js';

export const ANTHROPIC_DEFAULT_BASE = 'https://api.anthropic.com';
export const ANTHROPIC_VERSION = '2023-06-01';
/** Anthropic requires max_tokens; LiteLLM sends this when the client gives none. */
const DEFAULT_MAX_TOKENS = 4096;




// ---------------------------------------------------------------------------------------------------------
// Request

export function messagesUrl(apiBase: string): string {
  const base = (apiBase || ANTHROPIC_DEFAULT_BASE).replace(/\/+$/, '');
  // LiteLLM accepts api_base with or without the path; do the same so configs move between proxies.
  if (base.endsWith('/v1/messages')) return base;
  if (base.endsWith('/v1')) return `${base}/messages`;
  return `${base}/v1/messages`;
}

/** `data:<mime>;base64,<data>` -> parts; undefined for anything else. */
function parseDataUrl(url: string): { mediaType: string; data: string } | undefined {
  const m = /^data:([^;,]+)((?:;[^;,]*)*?);base64,(.*)$/s.exec(url);
  if (!m) return undefined;
  return { mediaType: m[1], data: m[3] };
}

function imageBlock(url: string): Json {
  const parsed = parseDataUrl(url);
  if (parsed) return { type: 'image', source: { type: 'base64', media_type: parsed.mediaType, data: parsed.data } };
  if (/^https?:\/\//i.test(url)) return { type: 'image', source: { type: 'url', url } };
  throw invalidRequest('anthropic', `image_url must be a data: URL or an http(s) URL, got "${url.slice(0, 40)}"`);
}

/** OpenAI content (string or parts) -> Anthropic content blocks. */
function contentBlocks(content: unknown, where: string): Json[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  if (!Array.isArray(content)) throw invalidRequest('anthropic', `${where}.content must be a string or an array of parts`);
  const blocks: Json[] = [];
  content.forEach((part, i) => {
    if (!isRecord(part)) throw invalidRequest('anthropic', `${where}.content[${i}] must be an object`);
    switch (part.type) {
      case 'text':
        if (str(part.text)) blocks.push({ type: 'text', text: part.text });
        break;
      case 'image_url': {
        const iu = part.image_url;
        const url = isRecord(iu) ? str(iu.url) : str(iu);
        if (!url) throw invalidRequest('anthropic', `${where}.content[${i}].image_url.url is missing`);
        blocks.push(imageBlock(url));
        break;
      }
      case 'file': {
        const file = isRecord(part.file) ? part.file : {};
        const data = str(file.file_data);
        const parsed = data ? parseDataUrl(data) : undefined;
        if (!parsed) throw invalidRequest('anthropic', `${where}.content[${i}].file needs file_data as a base64 data: URL`);
        blocks.push({ type: 'document', source: { type: 'base64', media_type: parsed.mediaType, data: parsed.data } });
        break;
      }
      default:
        throw invalidRequest('anthropic', `${where}.content[${i}].type "${String(part.type)}" is not supported by Anthropic`);
    }
  });
  return blocks;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((p) => (isRecord(p) && p.type === 'text' && typeof p.text === 'string' ? p.text : ''))
    .join('');
}

interface Turn {
  role: 'user' | 'assistant';
  content: Json[];
}

function buildMessages(messages: unknown): { system: Json[]; turns: Turn[] } {
  if (!Array.isArray(messages)) throw invalidRequest('anthropic', 'messages must be an array');
  const system: Json[] = [];
  const turns: Turn[] = [];
  // Anthropic wants alternating turns, and all tool results for one assistant turn in the next user turn,
  // so consecutive messages of the same side are merged into one turn.
  const push = (role: Turn['role'], blocks: Json[]): void => {
    if (blocks.length === 0) return;
    const last = turns[turns.length - 1];
    if (last && last.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  };
  messages.forEach((m, i) => {
    const where = `messages[${i}]`;
    if (!isRecord(m)) throw invalidRequest('anthropic', `${where} must be an object`);
    switch (m.role) {
      case 'system':
      case 'developer': {
        const text = textOf(m.content);
        if (text) system.push({ type: 'text', text });
        break;
      }
      case 'user':
        push('user', contentBlocks(m.content, where));
        break;
      case 'assistant': {
        const blocks = contentBlocks(m.content, where);
        const calls = Array.isArray(m.tool_calls) ? m.tool_calls : [];
        calls.forEach((c, j) => {
          const cw = `${where}.tool_calls[${j}]`;
          if (!isRecord(c) || !isRecord(c.function)) throw invalidRequest('anthropic', `${cw} must have a function`);
          const id = str(c.id);
          const name = str(c.function.name);
          if (!id || !name) throw invalidRequest('anthropic', `${cw} needs an id and function.name`);
          blocks.push({ type: 'tool_use', id, name, input: parseArguments('anthropic', c.function.arguments, cw) });
        });
        push('assistant', blocks);
        break;
      }
      case 'tool': {
        const id = str(m.tool_call_id);
        if (!id) throw invalidRequest('anthropic', `${where}.tool_call_id is required`);
        const inner = typeof m.content === 'string' ? m.content : contentBlocks(m.content, where);
        push('user', [{ type: 'tool_result', tool_use_id: id, content: inner }]);
        break;
      }
      default:
        throw invalidRequest('anthropic', `${where}.role "${String(m.role)}" is not supported`);
    }
  });
  return { system, turns };
}

function toolChoice(choice: unknown, parallel: unknown): Json | undefined {
  let out: Json | undefined;
  if (choice === 'auto') out = { type: 'auto' };
  else if (choice === 'required') out = { type: 'any' };
  else if (choice === 'none') out = { type: 'none' };
  else if (isRecord(choice) && isRecord(choice.function) && str(choice.function.name)) {
    out = { type: 'tool', name: choice.function.name };
  } else if (choice !== undefined && choice !== null) {
    throw invalidRequest('anthropic', 'tool_choice must be "auto", "none", "required" or {"type":"function","function":{"name"}}');
  }
  if (parallel === false) {
    out = out ?? { type: 'auto' };
    if (out.type !== 'none') out.disable_parallel_tool_use = true;
  }
  return out;
}

function buildChatBody(ctx: RequestContext, deployment: AdapterDeployment, body: Json): Json {
  const { system, turns } = buildMessages(body.messages);
  const maxTokens =
    num(body.max_completion_tokens) ?? num(body.max_tokens) ?? num(deployment.params.max_tokens) ?? DEFAULT_MAX_TOKENS;
  const out: Json = { model: deployment.upstreamModel, max_tokens: maxTokens, messages: turns };
  if (system.length > 0) out.system = system;
  if (num(body.temperature) !== undefined) out.temperature = body.temperature;
  if (num(body.top_p) !== undefined) out.top_p = body.top_p;
  if (num(body.top_k) !== undefined) out.top_k = body.top_k;
  if (typeof body.stop === 'string') out.stop_sequences = [body.stop];
  else if (Array.isArray(body.stop) && body.stop.length > 0) out.stop_sequences = body.stop;
  if (Array.isArray(body.tools) && body.tools.length > 0) {
    out.tools = body.tools.map((t, i) => {
      if (!isRecord(t) || !isRecord(t.function) || !str(t.function.name)) {
        throw invalidRequest('anthropic', `tools[${i}] must be {"type":"function","function":{"name",...}}`);
      }
      const tool: Json = {
        name: t.function.name,
        input_schema: isRecord(t.function.parameters) ? t.function.parameters : { type: 'object', properties: {} },
      };
      if (str(t.function.description)) tool.description = t.function.description;
      return tool;
    });
  }
  const tc = toolChoice(body.tool_choice, body.parallel_tool_calls);
  if (tc && out.tools) out.tool_choice = tc;
  if (str(body.user)) out.metadata = { user_id: body.user };
  if (ctx.stream) out.stream = true;
  if (isRecord(deployment.params.extra_body)) Object.assign(out, deployment.params.extra_body);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Responses

function finishReason(stop: unknown): string | null {
  switch (stop) {
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    case null:
    case undefined:
      return null;
    default:
      return 'stop';
  }
}

interface UsageCounters {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

function readUsage(u: unknown, into: UsageCounters): void {
  if (!isRecord(u)) return;
  // message_delta counts are cumulative, so later values replace earlier ones.
  if (num(u.input_tokens) !== undefined) into.input = u.input_tokens as number;
  if (num(u.output_tokens) !== undefined) into.output = u.output_tokens as number;
  if (num(u.cache_read_input_tokens) !== undefined) into.cacheRead = u.cache_read_input_tokens as number;
  if (num(u.cache_creation_input_tokens) !== undefined) into.cacheWrite = u.cache_creation_input_tokens as number;
}

function openaiUsage(u: UsageCounters): Json {
  // Anthropic's input_tokens excludes cached tokens; OpenAI's prompt_tokens includes them.
  const prompt = u.input + u.cacheRead + u.cacheWrite;
  return {
    prompt_tokens: prompt,
    completion_tokens: u.output,
    total_tokens: prompt + u.output,
    prompt_tokens_details: { cached_tokens: u.cacheRead },
  };
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function translateMessage(ctx: RequestContext, upstream: unknown): Json {
  if (!isRecord(upstream) || !Array.isArray(upstream.content)) {
    throw new RainyModelError('upstream/malformed', 'anthropic: response has no content array');
  }
  let text = '';
  let reasoning = '';
  const toolCalls: Json[] = [];
  for (const block of upstream.content) {
    if (!isRecord(block)) continue;
    if (block.type === 'text' && typeof block.text === 'string') text += block.text;
    else if (block.type === 'thinking' && typeof block.thinking === 'string') reasoning += block.thinking;
    else if (block.type === 'tool_use') {
      toolCalls.push({
        id: str(block.id) ?? `toolu_${randomUUID()}`,
        type: 'function',
        function: { name: str(block.name) ?? '', arguments: JSON.stringify(block.input ?? {}) },
      });
    }
  }
  const message: Json = { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (reasoning) message.reasoning_content = reasoning;
  const usage: UsageCounters = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  readUsage(upstream.usage, usage);
  return {
    id: str(upstream.id) ?? `chatcmpl-${randomUUID()}`,
    object: 'chat.completion',
    created: nowSeconds(),
    model: ctx.requestModel,
    choices: [{ index: 0, message, finish_reason: finishReason(upstream.stop_reason) ?? 'stop', logprobs: null }],
    usage: openaiUsage(usage),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Errors

interface ErrorKind {
  status: number;
  type: string;
  retryable: boolean;
}

const ERROR_TYPES: Record<string, ErrorKind> = {
  invalid_request_error: { status: 400, type: 'invalid_request_error', retryable: false },
  authentication_error: { status: 401, type: 'authentication_error', retryable: false },
  billing_error: { status: 402, type: 'billing_error', retryable: false },
  permission_error: { status: 403, type: 'permission_error', retryable: false },
  not_found_error: { status: 404, type: 'not_found_error', retryable: false },
  request_too_large: { status: 413, type: 'invalid_request_error', retryable: false },
  rate_limit_error: { status: 429, type: 'rate_limit_error', retryable: true },
  api_error: { status: 500, type: 'api_error', retryable: true },
  timeout_error: { status: 504, type: 'timeout_error', retryable: true },
  // 529 is Anthropic's own code; clients and the router know 503 for "try later / elsewhere".
  overloaded_error: { status: 503, type: 'api_error', retryable: true },
};

function kindFromStatus(status: number): ErrorKind {
  if (status === 529) return ERROR_TYPES.overloaded_error;
  if (status === 400) return ERROR_TYPES.invalid_request_error;
  if (status === 401) return ERROR_TYPES.authentication_error;
  if (status === 403) return ERROR_TYPES.permission_error;
  if (status === 404) return ERROR_TYPES.not_found_error;
  if (status === 408) return { status: 408, type: 'timeout_error', retryable: true };
  if (status === 413) return ERROR_TYPES.request_too_large;
  if (status === 429) return ERROR_TYPES.rate_limit_error;
  if (status >= 500) return { status, type: 'api_error', retryable: true };
  return { status, type: 'invalid_request_error', retryable: false };
}

function fromErrorObject(status: number, error: unknown, fallbackText: string): TranslatedError {
  const type = isRecord(error) ? str(error.type) : undefined;
  const message = (isRecord(error) ? str(error.message) : undefined) ?? (fallbackText.trim().slice(0, 500) || `HTTP ${status}`);
  const kind = (type && ERROR_TYPES[type]) || kindFromStatus(status);
  return { status: kind.status, type: kind.type, code: type ?? null, message, retryable: kind.retryable };
}

function translateError(status: number, bodyText: string): TranslatedError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  const error = isRecord(parsed) ? parsed.error : undefined;
  // A 200 can only reach here through a stream error event; the status comes from the error type then.
  return fromErrorObject(status, error, isRecord(parsed) ? '' : bodyText);
}

// ---------------------------------------------------------------------------------------------------------
// Streaming

class AnthropicStream implements StreamTranslator {
  private readonly sse = new SseDecoder();
  private id = `chatcmpl-${randomUUID()}`;
  private readonly created = nowSeconds();
  private started = false;
  private finished = false;
  private failed = false;
  private finish: string | null = null;
  private readonly usage: UsageCounters = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  /** Anthropic content-block index -> OpenAI tool_calls[].index (tool calls are numbered on their own). */
  private readonly toolIndex = new Map<number, number>();
  /** Tool calls whose arguments got any text: one without gets "{}" when its block stops (never ""). */
  private readonly toolArgsSent = new Set<number>();

  constructor(private readonly ctx: RequestContext) {}

  push(text: string): StreamEvent[] {
    return this.handle(this.sse.push(text));
  }

  end(): StreamEvent[] {
    const events = this.handle(this.sse.push('', true));
    if (!this.finished && !this.failed) {
      this.failed = true;
      events.push({
        kind: 'error',
        error: {
          status: 502,
          type: 'api_error',
          code: 'stream_truncated',
          message: 'anthropic: the upstream stream ended before message_stop',
          retryable: true,
        },
      });
    }
    return events;
  }

  private chunk(delta: Json, finish: string | null = null): StreamEvent {
    return {
      kind: 'chunk',
      data: {
        id: this.id,
        object: 'chat.completion.chunk',
        created: this.created,
        model: this.ctx.requestModel,
        choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
      },
    };
  }

  /**
   * The role goes in the first chunk, sent only with the first real content: until then nothing reaches the
   * client, so an error event that follows message_start can still fall back to another deployment.
   */
  private start(out: StreamEvent[]): void {
    if (this.started) return;
    this.started = true;
    out.push(this.chunk({ role: 'assistant', content: '' }));
  }

  private handle(raw: Array<{ event: string; data: string }>): StreamEvent[] {
    const out: StreamEvent[] = [];
    for (const { event, data } of raw) {
      if (this.finished || this.failed) break;
      let msg: unknown;
      try {
        msg = JSON.parse(data);
      } catch {
        this.failed = true;
        out.push({
          kind: 'error',
          error: { status: 502, type: 'api_error', code: 'bad_upstream_event', message: `anthropic: unparsable ${event} event`, retryable: true },
        });
        break;
      }
      if (!isRecord(msg)) continue;
      const type = str(msg.type) ?? event;
      switch (type) {
        case 'message_start': {
          const m = isRecord(msg.message) ? msg.message : {};
          if (str(m.id)) this.id = m.id as string;
          readUsage(m.usage, this.usage);
          break;
        }
        case 'content_block_start': {
          const index = num(msg.index) ?? 0;
          const block = isRecord(msg.content_block) ? msg.content_block : {};
          if (block.type === 'text' && str(block.text)) {
            this.start(out);
            out.push(this.chunk({ content: block.text }));
          } else if (block.type === 'tool_use') {
            this.start(out);
            const ti = this.toolIndex.size;
            this.toolIndex.set(index, ti);
            out.push(
              this.chunk({
                tool_calls: [
                  { index: ti, id: str(block.id) ?? `toolu_${randomUUID()}`, type: 'function', function: { name: str(block.name) ?? '', arguments: '' } },
                ],
              }),
            );
            // Streams normally start tool_use with an empty input; a non-empty one is sent as one fragment.
            if (isRecord(block.input) && Object.keys(block.input).length > 0) {
              out.push(this.chunk({ tool_calls: [{ index: ti, function: { arguments: JSON.stringify(block.input) } }] }));
              this.toolArgsSent.add(ti);
            }
          }
          break;
        }
        case 'content_block_delta': {
          const delta = isRecord(msg.delta) ? msg.delta : {};
          if (delta.type === 'text_delta' && str(delta.text)) {
            this.start(out);
            out.push(this.chunk({ content: delta.text }));
          } else if (delta.type === 'input_json_delta' && str(delta.partial_json)) {
            const ti = this.toolIndex.get(num(msg.index) ?? 0);
            if (ti !== undefined) {
              out.push(this.chunk({ tool_calls: [{ index: ti, function: { arguments: delta.partial_json } }] }));
              this.toolArgsSent.add(ti);
            }
          } else if (delta.type === 'thinking_delta' && str(delta.thinking)) {
            this.start(out);
            out.push(this.chunk({ reasoning_content: delta.thinking }));
          }
          break;
        }
        case 'content_block_stop': {
          const ti = this.toolIndex.get(num(msg.index) ?? 0);
          if (ti !== undefined && !this.toolArgsSent.has(ti)) {
            out.push(this.chunk({ tool_calls: [{ index: ti, function: { arguments: '{}' } }] }));
            this.toolArgsSent.add(ti);
          }
          break;
        }
        case 'message_delta': {
          const delta = isRecord(msg.delta) ? msg.delta : {};
          readUsage(msg.usage, this.usage);
          const reason = finishReason(delta.stop_reason);
          if (reason) this.finish = reason;
          break;
        }
        case 'message_stop':
          this.start(out);
          out.push(this.chunk({}, this.finish ?? 'stop'));
          // Usage as OpenAI sends it with stream_options.include_usage: a last chunk with no choices.
          out.push({
            kind: 'chunk',
            data: { id: this.id, object: 'chat.completion.chunk', created: this.created, model: this.ctx.requestModel, choices: [], usage: openaiUsage(this.usage) },
          });
          out.push({ kind: 'done' });
          this.finished = true;
          break;
        case 'error':
          this.failed = true;
          // An error event carries no HTTP status; the error type decides, unknown types count as server errors.
          out.push({ kind: 'error', error: fromErrorObject(500, msg.error, '') });
          break;
        default:
          // ping and event types added later carry nothing for the client.
          break;
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------

export const anthropicAdapter: ProviderAdapter = {
  prefixes: ['anthropic'],
  endpoints: ['chat'],
  defaultApiBases: { anthropic: ANTHROPIC_DEFAULT_BASE },

  buildRequest(ctx, deployment, body): UpstreamRequest {
    if (ctx.endpoint !== 'chat') throw invalidRequest('anthropic', `the ${ctx.endpoint} endpoint is not offered by Anthropic`);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'anthropic-version': ANTHROPIC_VERSION,
    };
    if (deployment.apiKey) headers['x-api-key'] = deployment.apiKey;
    if (ctx.stream) headers.accept = 'text/event-stream';
    return {
      url: messagesUrl(deployment.apiBase),
      method: 'POST',
      headers,
      body: JSON.stringify(buildChatBody(ctx, deployment, body)),
    };
  },

  translateResponse(ctx, _deployment, upstream) {
    return translateMessage(ctx, upstream);
  },

  createStreamTranslator(ctx) {
    return new AnthropicStream(ctx);
  },

  translateError,
};
