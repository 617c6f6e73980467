// The proxy's internal chat completion -> an Anthropic Messages answer (type "message"): text and tool_use
// blocks, stop_reason, usage with input_tokens excluding cache reads (as Anthropic counts them).
import { isRecord, str, type Json } from '../../providers/common.js';
import { argumentsObject, firstChoice, prefixedId, readChatUsage, toolUseId, type ChatUsage } from '../chat-reading.js';

export function stopReason(finish: unknown): string {
  switch (finish) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    default:
      return 'end_turn';
  }
}

export function anthropicUsage(u: ChatUsage | undefined): Json {
  const prompt = u?.prompt ?? 0;
  const cached = Math.min(u?.cached ?? 0, prompt);
  return { input_tokens: prompt - cached, output_tokens: u?.completion ?? 0, cache_creation_input_tokens: 0, cache_read_input_tokens: cached };
}

/**
 * Reasoning text from the upstream (reasoning_content) is not passed on as a thinking block: Anthropic
 * requires a signature on thinking blocks sent back in the next turn, and a made-up one would be refused
 * if that turn reaches a real anthropic/ deployment.
 */
export function chatToMessage(chat: Json, model: string): Json {
  const choice = firstChoice(chat);
  const message = isRecord(choice.message) ? choice.message : {};
  const content: Json[] = [];
  const text = str(message.content);
  if (text) content.push({ type: 'text', text });
  if (Array.isArray(message.tool_calls)) {
    for (const c of message.tool_calls) {
      if (!isRecord(c) || !isRecord(c.function)) continue;
      content.push({ type: 'tool_use', id: toolUseId(c.id), name: str(c.function.name) ?? '', input: argumentsObject(c.function.arguments) });
    }
  }
  return {
    id: prefixedId('msg_', chat.id),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason(choice.finish_reason),
    stop_sequence: null,
    usage: anthropicUsage(readChatUsage(chat.usage)),
  };
}
