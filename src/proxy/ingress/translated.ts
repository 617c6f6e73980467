// An attempt through the chat-completions shape: the ingress request translated to chat, built by the
// deployment's own adapter, its answer (or chunk stream) translated back by the ingress API's encoder.
import { isRecord, type Json } from '../providers/common.js';
import { OpenAISseTranslator } from '../providers/openai-compatible.js';
import type { AdapterDeployment, ProviderAdapter, RequestContext } from '../providers/types.js';
import { readChatUsage, tokenUsage } from './chat-reading.js';
import { ChatBackedStream, type ChunkEncoder } from './chat-stream.js';
import type { IngressAttempt } from './types.js';

/** Providers whose chat endpoint takes `top_k` (OpenAI's own API refuses unknown fields). */
const TOP_K_PREFIXES = new Set(['gemini', 'ollama', 'ollama_chat', 'hosted_vllm', 'vllm', 'anthropic']);

export function chatBodyFor(prefix: string, chat: Json): Json {
  if (chat.top_k === undefined || TOP_K_PREFIXES.has(prefix)) return chat;
  const copy = { ...chat };
  delete copy.top_k;
  return copy;
}

export interface TranslatedAttemptSpec {
  chat: Json;
  model: string;
  stream: boolean;
  /** The chat completion -> the client's answer. */
  toAnswer(chat: Json): Json;
  encoder(): ChunkEncoder;
}

export function translatedAttempt(adapter: ProviderAdapter, d: AdapterDeployment, spec: TranslatedAttemptSpec): IngressAttempt {
  // No rawBody: the client's bytes are not a chat request, so pass-through adapters serialise `chat`.
  const ctx: RequestContext = { endpoint: 'chat', stream: spec.stream, requestModel: spec.model };
  const request = adapter.buildRequest(ctx, d, chatBodyFor(d.prefix, spec.chat));
  return {
    native: false,
    request,
    answer(upstream: unknown) {
      const chat = adapter.passThrough ? upstream : adapter.translateResponse(ctx, d, upstream);
      if (!isRecord(chat) || !Array.isArray(chat.choices)) throw new Error('the upstream answer is not a chat completion');
      return { body: spec.toAnswer(chat), usage: tokenUsage(readChatUsage(chat.usage)) };
    },
    stream: () => new ChatBackedStream(adapter.passThrough ? new OpenAISseTranslator() : adapter.createStreamTranslator(ctx, d), spec.encoder()),
    translateError: (status, text) => adapter.translateError(status, text),
  };
}
