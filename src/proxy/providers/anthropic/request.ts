// OpenAI chat request -> Anthropic Messages request body (POST /v1/messages): the system prompt as a
// top-level field, content blocks (text, image, document, tool_use, tool_result) in alternating turns,
// tools with input_schema, tool_choice, and max_tokens (which Anthropic requires).
import type { AdapterDeployment, RequestContext } from '../types.js';
import { isRecord, str, num, invalidRequest, parseArguments, type Json } from '../common.js';
import { imageUrlOf, parseDataUrl, textOf, toolFunction } from '../content.js';

export const ANTHROPIC_DEFAULT_BASE = 'https://api.anthropic.com';
/** Anthropic requires max_tokens; LiteLLM sends this when the client gives none. */
const DEFAULT_MAX_TOKENS = 4096;

export function messagesUrl(apiBase: string): string {
  const base = (apiBase || ANTHROPIC_DEFAULT_BASE).replace(/\/+$/, '');
  // LiteLLM accepts api_base with or without the path; do the same so configs move between proxies.
  if (base.endsWith('/v1/messages')) return base;
  if (base.endsWith('/v1')) return `${base}/messages`;
  return `${base}/v1/messages`;
}

function imageBlock(url: string): Json {
  const parsed = parseDataUrl(url);
  if (parsed) return { type: 'image', source: { type: 'base64', media_type: parsed.mimeType, data: parsed.data } };
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
        const url = imageUrlOf(part);
        if (!url) throw invalidRequest('anthropic', `${where}.content[${i}].image_url.url is missing`);
        blocks.push(imageBlock(url));
        break;
      }
      case 'file': {
        const file = isRecord(part.file) ? part.file : {};
        const data = str(file.file_data);
        const parsed = data ? parseDataUrl(data) : undefined;
        if (!parsed) throw invalidRequest('anthropic', `${where}.content[${i}].file needs file_data as a base64 data: URL`);
        blocks.push({ type: 'document', source: { type: 'base64', media_type: parsed.mimeType, data: parsed.data } });
        break;
      }
      default:
        throw invalidRequest('anthropic', `${where}.content[${i}].type "${String(part.type)}" is not supported by Anthropic`);
    }
  });
  return blocks;
}

/** An assistant message's tool calls as tool_use blocks. */
function toolUseBlocks(calls: unknown, where: string): Json[] {
  if (!Array.isArray(calls)) return [];
  return calls.map((c, j) => {
    const cw = `${where}.tool_calls[${j}]`;
    if (!isRecord(c) || !isRecord(c.function)) throw invalidRequest('anthropic', `${cw} must have a function`);
    const id = str(c.id);
    const name = str(c.function.name);
    if (!id || !name) throw invalidRequest('anthropic', `${cw} needs an id and function.name`);
    return { type: 'tool_use', id, name, input: parseArguments('anthropic', c.function.arguments, cw) };
  });
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
      case 'assistant':
        push('assistant', [...contentBlocks(m.content, where), ...toolUseBlocks(m.tool_calls, where)]);
        break;
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

function tools(list: unknown[]): Json[] {
  return list.map((t, i) => {
    const fn = toolFunction('anthropic', t, i);
    const tool: Json = { name: fn.name, input_schema: isRecord(fn.parameters) ? fn.parameters : { type: 'object', properties: {} } };
    if (str(fn.description)) tool.description = fn.description;
    return tool;
  });
}

export function buildChatBody(ctx: RequestContext, deployment: AdapterDeployment, body: Json): Json {
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
  if (Array.isArray(body.tools) && body.tools.length > 0) out.tools = tools(body.tools);
  const tc = toolChoice(body.tool_choice, body.parallel_tool_calls);
  if (tc && out.tools) out.tool_choice = tc;
  if (str(body.user)) out.metadata = { user_id: body.user };
  if (ctx.stream) out.stream = true;
  if (isRecord(deployment.params.extra_body)) Object.assign(out, deployment.params.extra_body);
  return out;
}
