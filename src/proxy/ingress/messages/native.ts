// Messages requests to `anthropic/` deployments go as they are: the client's own body (model replaced,
// every other field kept: cache_control, thinking, server tools, betas), Anthropic's answer and SSE events
// back unchanged. Events are read only for usage, for errors and for the end of the stream; message_start
// and ping are held back until the first content event so that an error right after them still falls back.
import { ANTHROPIC_VERSION, anthropicAdapter, messagesUrl } from '../../providers/anthropic/index.js';
import { isRecord, num, SseDecoder, type Json } from '../../providers/common.js';
import { findTopLevelModel } from '../../providers/openai-compatible.js';
import type { AdapterDeployment, TranslatedError, UpstreamRequest } from '../../providers/types.js';
import type { IngressAttempt, IngressStreamEvent, IngressStreamTranslator, TokenUsage } from '../types.js';
import { sseEvent } from '../sse.js';
import { anthropicErrorType } from './errors.js';

/** The client's Anthropic headers that travel on to a native upstream. */
export interface AnthropicClientHeaders {
  version?: string;
  beta?: string;
}

/** The client's body with only `model` replaced (spliced into the text when it can be found). */
function withModel(raw: string, body: Json, model: string, extra: unknown): string {
  if (!isRecord(extra)) {
    const span = findTopLevelModel(raw);
    if (span) return raw.slice(0, span[0]) + JSON.stringify(model) + raw.slice(span[1]);
  }
  // The deployment's extra_body gives defaults; the client's own fields win (as for chat pass-through).
  return JSON.stringify({ ...(isRecord(extra) ? extra : {}), ...body, model });
}

export function nativeAnthropicRequest(d: AdapterDeployment, raw: string, body: Json, headers: AnthropicClientHeaders, path = ''): UpstreamRequest {
  const h: Record<string, string> = { 'content-type': 'application/json', 'anthropic-version': headers.version ?? ANTHROPIC_VERSION };
  if (headers.beta) h['anthropic-beta'] = headers.beta;
  if (d.apiKey) h['x-api-key'] = d.apiKey;
  if (body.stream === true) h.accept = 'text/event-stream';
  return { url: messagesUrl(d.apiBase) + path, method: 'POST', headers: h, body: withModel(raw, body, d.upstreamModel, d.params.extra_body) };
}

function anthropicUsageCounts(u: unknown, into: TokenUsage): void {
  if (!isRecord(u)) return;
  const input = num(u.input_tokens);
  if (input !== undefined) into.prompt = input + (num(u.cache_read_input_tokens) ?? 0) + (num(u.cache_creation_input_tokens) ?? 0);
  const output = num(u.output_tokens);
  if (output !== undefined) into.completion = output;
}

const HELD_BACK = new Set(['message_start', 'ping']);

type NativeState = 'holding' | 'streaming' | 'finished';

export class NativeMessagesStream implements IngressStreamTranslator {
  private readonly sse = new SseDecoder();
  private state: NativeState = 'holding';
  private held = '';
  private readonly counts: TokenUsage = {};

  push(text: string): IngressStreamEvent[] {
    return this.handle(this.sse.push(text));
  }

  end(): IngressStreamEvent[] {
    const out = this.handle(this.sse.push('', true));
    if (this.state !== 'finished' && !out.some((e) => e.kind !== 'data')) {
      out.push({ kind: 'error', error: { status: 502, type: 'api_error', code: 'stream_truncated', message: 'anthropic: the upstream stream ended before message_stop', retryable: true } });
    }
    return out;
  }

  fail(message: string, code: string): string {
    this.state = 'finished';
    return sseEvent('error', { type: 'error', error: { type: anthropicErrorType(502, code), message } });
  }

  usage(): TokenUsage {
    return this.counts;
  }

  private handle(events: Array<{ event: string; data: string }>): IngressStreamEvent[] {
    const out: IngressStreamEvent[] = [];
    let text = '';
    for (const { event, data } of events) {
      if (this.state === 'finished') break;
      let msg: unknown;
      try {
        msg = JSON.parse(data);
      } catch {
        return this.stop(out, text, { status: 502, type: 'api_error', code: 'bad_upstream_event', message: `anthropic: unparsable ${event} event`, retryable: true });
      }
      const type = isRecord(msg) && typeof msg.type === 'string' ? msg.type : event;
      if (type === 'error') return this.stop(out, text, anthropicAdapter.translateError(500, data));
      if (isRecord(msg)) {
        if (type === 'message_start' && isRecord(msg.message)) anthropicUsageCounts(msg.message.usage, this.counts);
        else if (type === 'message_delta') anthropicUsageCounts(msg.usage, this.counts);
      }
      const frame = `event: ${type}\ndata: ${data}\n\n`;
      if (this.state === 'holding' && HELD_BACK.has(type)) {
        this.held += frame;
        continue;
      }
      if (this.state === 'holding') {
        this.state = 'streaming';
        text += this.held;
        this.held = '';
      }
      text += frame;
      if (type === 'message_stop') {
        this.state = 'finished';
        out.push({ kind: 'done', text });
        return out;
      }
    }
    if (text !== '') out.push({ kind: 'data', text });
    return out;
  }

  private stop(out: IngressStreamEvent[], text: string, error: TranslatedError): IngressStreamEvent[] {
    this.state = 'finished';
    if (text !== '') out.push({ kind: 'data', text });
    out.push({ kind: 'error', error });
    return out;
  }
}

/** A complete native answer: passed on as it is, read for usage. */
export function nativeMessageAnswer(upstream: unknown): { body: Json; usage: TokenUsage } {
  if (!isRecord(upstream) || upstream.type !== 'message' || !Array.isArray(upstream.content)) throw new Error('anthropic: the answer is not a message');
  const usage: TokenUsage = {};
  anthropicUsageCounts(upstream.usage, usage);
  return { body: upstream, usage };
}

export function nativeMessagesAttempt(d: AdapterDeployment, raw: string, body: Json, headers: AnthropicClientHeaders): IngressAttempt {
  return {
    native: true,
    request: nativeAnthropicRequest(d, raw, body, headers),
    answer: nativeMessageAnswer,
    stream: () => new NativeMessagesStream(),
    translateError: anthropicAdapter.translateError,
  };
}
