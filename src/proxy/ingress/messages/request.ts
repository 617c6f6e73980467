// Anthropic Messages request -> the proxy's internal chat-completions request, for every provider that does
// not speak Messages itself. Field by field as Anthropic documents them: system (text or text blocks),
// content blocks (text, image, document, tool_use, tool_result), tools with input_schema, tool_choice,
// stop_sequences, max_tokens, metadata.user_id. What chat cannot carry (cache_control, thinking, server
// tools, ...) is left out and named in `dropped`, which the core logs at debug level.
import { isRecord, str, num, type Json } from '../../providers/common.js';
import { invalidField, typeName } from '../errors.js';

export interface TranslatedMessages {
  chat: Json;
  dropped: string[];
}

/** Top-level fields this translation reads; any other field is reported as dropped. */
const KNOWN = new Set(['model', 'messages', 'system', 'max_tokens', 'stream', 'temperature', 'top_p', 'top_k', 'stop_sequences', 'tools', 'tool_choice', 'metadata']);

/** Checks the fields every Messages request needs (also for anthropic/ deployments, before any attempt). */
export function checkMessagesRequest(body: unknown, countOnly = false): asserts body is Json {
  if (!isRecord(body)) throw invalidField('(body)', `the request body must be a JSON object, got ${typeName(body)}`);
  if (typeof body.model !== 'string' || body.model === '') throw invalidField('model', 'required, a non-empty string');
  if (!Array.isArray(body.messages) || body.messages.length === 0) throw invalidField('messages', 'required, a non-empty array of {role, content}');
  if (!countOnly) {
    const max = body.max_tokens;
    if (!(typeof max === 'number' && Number.isInteger(max) && max >= 1)) throw invalidField('max_tokens', `required, a positive integer (got ${JSON.stringify(max) ?? 'nothing'})`);
  }
  if (body.stream !== undefined && typeof body.stream !== 'boolean') throw invalidField('stream', `must be a boolean, got ${typeName(body.stream)}`);
  for (const f of ['temperature', 'top_p', 'top_k']) {
    if (body[f] !== undefined && num(body[f]) === undefined) throw invalidField(f, `must be a number, got ${typeName(body[f])}`);
  }
  body.messages.forEach((m: unknown, i: number) => {
    if (!isRecord(m)) throw invalidField(`messages[${i}]`, `must be an object, got ${typeName(m)}`);
    if (m.role !== 'user' && m.role !== 'assistant') throw invalidField(`messages[${i}].role`, `must be "user" or "assistant", got ${JSON.stringify(m.role)}`);
    if (typeof m.content !== 'string' && !Array.isArray(m.content)) throw invalidField(`messages[${i}].content`, 'must be a string or an array of content blocks');
  });
}

function systemText(system: unknown, dropped: Set<string>): string | undefined {
  if (system === undefined || system === null) return undefined;
  if (typeof system === 'string') return system;
  if (!Array.isArray(system)) throw invalidField('system', 'must be a string or an array of text blocks');
  return system
    .map((b: unknown, i: number) => {
      if (!isRecord(b) || b.type !== 'text' || typeof b.text !== 'string') throw invalidField(`system[${i}]`, 'must be {"type":"text","text":...}');
      if (b.cache_control !== undefined) dropped.add('cache_control');
      return b.text;
    })
    .join('\n');
}

function mediaSource(source: unknown, where: string): string {
  if (!isRecord(source)) throw invalidField(`${where}.source`, 'required');
  if (source.type === 'base64' && str(source.media_type) && str(source.data)) return `data:${String(source.media_type)};base64,${String(source.data)}`;
  if (source.type === 'url' && str(source.url)) return String(source.url);
  throw invalidField(`${where}.source`, 'must be {"type":"base64","media_type","data"} or {"type":"url","url"}');
}

/** One user-side block -> a chat content part (tool results are handled by the caller). */
function userPart(block: Json, where: string, dropped: Set<string>): Json | undefined {
  if (block.cache_control !== undefined) dropped.add('cache_control');
  switch (block.type) {
    case 'text':
      if (typeof block.text !== 'string') throw invalidField(`${where}.text`, 'must be a string');
      return { type: 'text', text: block.text };
    case 'image':
      return { type: 'image_url', image_url: { url: mediaSource(block.source, where) } };
    case 'document': {
      const source = block.source;
      if (isRecord(source) && source.type === 'text' && typeof source.data === 'string') return { type: 'text', text: source.data };
      if (isRecord(source) && source.type === 'base64') {
        const file: Json = { file_data: mediaSource(source, where) };
        if (str(block.title)) file.filename = block.title;
        return { type: 'file', file };
      }
      throw invalidField(`${where}.source`, 'a document must be base64 or text to reach this provider');
    }
    case 'thinking':
    case 'redacted_thinking':
      dropped.add(`${String(block.type)} blocks`);
      return undefined;
    default:
      throw invalidField(`${where}.type`, `"${String(block.type)}" cannot be translated for this provider (text, image, document, tool_use, tool_result can)`);
  }
}

function toolResultContent(content: unknown, where: string, dropped: Set<string>): string {
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) throw invalidField(`${where}.content`, 'must be a string or an array of blocks');
  const texts: string[] = [];
  content.forEach((b: unknown, i: number) => {
    if (!isRecord(b)) throw invalidField(`${where}.content[${i}]`, 'must be an object');
    if (b.type === 'text' && typeof b.text === 'string') texts.push(b.text);
    else dropped.add(`non-text tool_result content (${String(b.type)})`);
  });
  return texts.join('\n');
}

function userMessages(content: unknown, where: string, dropped: Set<string>): Json[] {
  if (typeof content === 'string') return [{ role: 'user', content }];
  const tools: Json[] = [];
  const parts: Json[] = [];
  (content as unknown[]).forEach((b, i) => {
    const bw = `${where}.content[${i}]`;
    if (!isRecord(b)) throw invalidField(bw, 'must be an object');
    if (b.type === 'tool_result') {
      const id = str(b.tool_use_id);
      if (!id) throw invalidField(`${bw}.tool_use_id`, 'required');
      if (b.is_error === true) dropped.add('tool_result.is_error');
      if (b.cache_control !== undefined) dropped.add('cache_control');
      tools.push({ role: 'tool', tool_call_id: id, content: toolResultContent(b.content, bw, dropped) });
      return;
    }
    const part = userPart(b, bw, dropped);
    if (part) parts.push(part);
  });
  // Chat wants each tool result as its own message right after the assistant's calls, text after them.
  const out = tools;
  if (parts.length > 0) out.push({ role: 'user', content: parts.every((p) => p.type === 'text') ? parts.map((p) => p.text).join('\n') : parts });
  return out;
}

function assistantMessage(content: unknown, where: string, dropped: Set<string>): Json | undefined {
  if (typeof content === 'string') return { role: 'assistant', content };
  let text = '';
  const calls: Json[] = [];
  (content as unknown[]).forEach((b, i) => {
    const bw = `${where}.content[${i}]`;
    if (!isRecord(b)) throw invalidField(bw, 'must be an object');
    if (b.cache_control !== undefined) dropped.add('cache_control');
    if (b.type === 'text' && typeof b.text === 'string') text += b.text;
    else if (b.type === 'tool_use') {
      if (!str(b.id) || !str(b.name)) throw invalidField(bw, 'a tool_use block needs id and name');
      calls.push({ id: b.id, type: 'function', function: { name: b.name, arguments: JSON.stringify(isRecord(b.input) ? b.input : {}) } });
    } else if (b.type === 'thinking' || b.type === 'redacted_thinking') dropped.add(`${b.type} blocks`);
    else throw invalidField(`${bw}.type`, `"${String(b.type)}" cannot be translated for this provider in an assistant turn`);
  });
  if (text === '' && calls.length === 0) return undefined;
  const m: Json = { role: 'assistant', content: text === '' ? null : text };
  if (calls.length > 0) m.tool_calls = calls;
  return m;
}

function chatTools(tools: unknown, dropped: Set<string>): Json[] | undefined {
  if (tools === undefined) return undefined;
  if (!Array.isArray(tools)) throw invalidField('tools', 'must be an array');
  const out: Json[] = [];
  tools.forEach((t: unknown, i: number) => {
    if (!isRecord(t)) throw invalidField(`tools[${i}]`, 'must be an object');
    // Anthropic's own server tools (web_search_..., bash_..., text_editor_...) run at Anthropic only.
    if (t.type !== undefined && t.type !== 'custom') {
      dropped.add(`server tool ${String(t.type)}`);
      return;
    }
    if (!str(t.name)) throw invalidField(`tools[${i}].name`, 'required');
    if (t.cache_control !== undefined) dropped.add('cache_control');
    const fn: Json = { name: t.name, parameters: isRecord(t.input_schema) ? t.input_schema : { type: 'object', properties: {} } };
    if (str(t.description)) fn.description = t.description;
    out.push({ type: 'function', function: fn });
  });
  return out;
}

function chatToolChoice(choice: unknown, out: Json): void {
  if (choice === undefined) return;
  if (!isRecord(choice)) throw invalidField('tool_choice', 'must be an object such as {"type":"auto"}');
  switch (choice.type) {
    case 'auto':
      out.tool_choice = 'auto';
      break;
    case 'any':
      out.tool_choice = 'required';
      break;
    case 'none':
      out.tool_choice = 'none';
      break;
    case 'tool':
      if (!str(choice.name)) throw invalidField('tool_choice.name', 'required when type is "tool"');
      out.tool_choice = { type: 'function', function: { name: choice.name } };
      break;
    default:
      throw invalidField('tool_choice.type', `must be auto, any, tool or none, got ${JSON.stringify(choice.type)}`);
  }
  if (choice.disable_parallel_tool_use === true && out.tools !== undefined) out.parallel_tool_calls = false;
}

/** A checked Messages request -> chat request (stream adds include_usage so every provider reports usage). */
export function messagesToChat(body: Json): TranslatedMessages {
  const dropped = new Set<string>();
  for (const k of Object.keys(body)) if (!KNOWN.has(k)) dropped.add(k);
  const messages: Json[] = [];
  const system = systemText(body.system, dropped);
  if (system !== undefined && system !== '') messages.push({ role: 'system', content: system });
  (body.messages as Json[]).forEach((m, i) => {
    const where = `messages[${i}]`;
    if (m.role === 'user') messages.push(...userMessages(m.content, where, dropped));
    else {
      const a = assistantMessage(m.content, where, dropped);
      if (a) messages.push(a);
    }
  });
  const chat: Json = { model: body.model, messages, max_tokens: body.max_tokens };
  if (body.temperature !== undefined) chat.temperature = body.temperature;
  if (body.top_p !== undefined) chat.top_p = body.top_p;
  if (body.top_k !== undefined) chat.top_k = body.top_k;
  if (Array.isArray(body.stop_sequences) && body.stop_sequences.length > 0) chat.stop = body.stop_sequences;
  const tools = chatTools(body.tools, dropped);
  if (tools && tools.length > 0) chat.tools = tools;
  chatToolChoice(body.tool_choice, chat);
  if (chat.tools === undefined) delete chat.tool_choice;
  if (isRecord(body.metadata) && str(body.metadata.user_id)) chat.user = body.metadata.user_id;
  if (body.stream === true) {
    chat.stream = true;
    chat.stream_options = { include_usage: true };
  }
  return { chat, dropped: [...dropped].sort() };
}
