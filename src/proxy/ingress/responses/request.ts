// OpenAI Responses request -> the proxy's internal chat-completions request. `input` as a string or items
// (messages with input_text / input_image / input_file parts, function_call and function_call_output
// items), `instructions`, function tools, tool_choice, max_output_tokens, temperature, top_p, text.format.
// rmctl serve keeps no state: whatever needs a stored response, conversation, prompt or file is refused
// with a 400 saying so. What chat cannot carry (hosted tools, reasoning items, ...) is named in `dropped`.
import { isRecord, num, str, type Json } from '../../providers/common.js';
import { IngressRequestError, invalidField, typeName } from '../errors.js';

export interface TranslatedResponses {
  chat: Json;
  dropped: string[];
}

const KNOWN = new Set([
  'model', 'input', 'instructions', 'tools', 'tool_choice', 'max_output_tokens', 'temperature', 'top_p', 'parallel_tool_calls',
  'text', 'stream', 'store', 'previous_response_id', 'user', 'safety_identifier', 'conversation', 'background', 'prompt',
]);

function stateless(param: string, what: string): IngressRequestError {
  return new IngressRequestError(
    param,
    `${param}: ${what} needs state stored on the server, and rmctl serve keeps none; send the whole conversation in "input" (and "store": false, or leave store out)`,
    'unsupported_stateful_request',
  );
}

/** Checks fields and refuses stateful requests, before any upstream is tried. */
export function checkResponsesRequest(body: unknown): asserts body is Json {
  if (!isRecord(body)) throw invalidField('(body)', `the request body must be a JSON object, got ${typeName(body)}`);
  if (typeof body.model !== 'string' || body.model === '') throw invalidField('model', 'required, a non-empty string');
  if (body.previous_response_id !== undefined && body.previous_response_id !== null) throw stateless('previous_response_id', 'continuing a previous response');
  if (body.store === true) throw stateless('store', 'storing the response for later retrieval');
  if (body.conversation !== undefined && body.conversation !== null) throw stateless('conversation', 'a stored conversation');
  if (body.prompt !== undefined && body.prompt !== null) throw stateless('prompt', 'a stored prompt template');
  if (body.background === true) throw stateless('background', 'a background response polled later');
  if (typeof body.input !== 'string' && !Array.isArray(body.input)) throw invalidField('input', 'required, a string or an array of input items');
  if (Array.isArray(body.input) && body.input.length === 0) throw invalidField('input', 'must contain at least one item');
  if (body.stream !== undefined && typeof body.stream !== 'boolean') throw invalidField('stream', `must be a boolean, got ${typeName(body.stream)}`);
  for (const f of ['temperature', 'top_p']) {
    if (body[f] !== undefined && body[f] !== null && num(body[f]) === undefined) throw invalidField(f, `must be a number, got ${typeName(body[f])}`);
  }
  const max = body.max_output_tokens;
  if (max !== undefined && max !== null && !(typeof max === 'number' && Number.isInteger(max) && max >= 1)) throw invalidField('max_output_tokens', `must be a positive integer, got ${JSON.stringify(max)}`);
}

function contentPart(part: unknown, where: string): Json {
  if (!isRecord(part)) throw invalidField(where, 'must be an object');
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      if (typeof part.text !== 'string') throw invalidField(`${where}.text`, 'must be a string');
      return { type: 'text', text: part.text };
    case 'refusal':
      return { type: 'text', text: str(part.refusal) ?? '' };
    case 'input_image': {
      if (part.file_id !== undefined && part.file_id !== null) throw stateless(`${where}.file_id`, 'an uploaded file');
      if (!str(part.image_url)) throw invalidField(`${where}.image_url`, 'required (a data: URL or an http(s) URL)');
      const image: Json = { url: part.image_url };
      if (str(part.detail)) image.detail = part.detail;
      return { type: 'image_url', image_url: image };
    }
    case 'input_file': {
      if (part.file_id !== undefined && part.file_id !== null) throw stateless(`${where}.file_id`, 'an uploaded file');
      if (!str(part.file_data)) throw invalidField(`${where}.file_data`, 'required (a base64 data: URL); file_url and file_id are not supported');
      const file: Json = { file_data: part.file_data };
      if (str(part.filename)) file.filename = part.filename;
      return { type: 'file', file };
    }
    default:
      throw invalidField(`${where}.type`, `"${String(part.type)}" is not supported (input_text, input_image, input_file, output_text are)`);
  }
}

function messageContent(content: unknown, where: string): string | Json[] {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) throw invalidField(`${where}.content`, 'must be a string or an array of content parts');
  const parts = content.map((p, i) => contentPart(p, `${where}.content[${i}]`));
  return parts.every((p) => p.type === 'text') ? parts.map((p) => p.text as string).join('') : parts;
}

function outputText(output: unknown, where: string): string {
  if (typeof output === 'string') return output;
  if (!Array.isArray(output)) throw invalidField(`${where}.output`, 'must be a string or an array of content parts');
  return output.map((p, i) => {
    const part = contentPart(p, `${where}.output[${i}]`);
    if (part.type !== 'text') throw invalidField(`${where}.output[${i}]`, 'only text reaches a chat provider as a tool result');
    return part.text as string;
  }).join('');
}

const ROLES: Record<string, string> = { user: 'user', assistant: 'assistant', system: 'system', developer: 'system' };

function inputMessages(input: unknown, dropped: Set<string>): Json[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const out: Json[] = [];
  (input as unknown[]).forEach((item, i) => {
    const where = `input[${i}]`;
    if (!isRecord(item)) throw invalidField(where, 'must be an object');
    const type = item.type ?? 'message';
    if (type === 'message') {
      const role = ROLES[String(item.role)];
      if (!role) throw invalidField(`${where}.role`, `must be user, assistant, system or developer, got ${JSON.stringify(item.role)}`);
      out.push({ role, content: messageContent(item.content, where) });
    } else if (type === 'function_call') {
      if (!str(item.call_id) || !str(item.name)) throw invalidField(where, 'a function_call item needs call_id and name');
      const call = { id: item.call_id, type: 'function', function: { name: item.name, arguments: str(item.arguments) ?? '{}' } };
      const last = out[out.length - 1];
      // Calls made in one turn belong to one assistant message (with its text, when it came first).
      if (last && last.role === 'assistant') {
        const calls = Array.isArray(last.tool_calls) ? (last.tool_calls as Json[]) : (last.tool_calls = []);
        calls.push(call);
      } else out.push({ role: 'assistant', content: null, tool_calls: [call] });
    } else if (type === 'function_call_output') {
      if (!str(item.call_id)) throw invalidField(`${where}.call_id`, 'required');
      out.push({ role: 'tool', tool_call_id: item.call_id, content: outputText(item.output, where) });
    } else if (type === 'reasoning') {
      dropped.add('reasoning items');
    } else if (type === 'item_reference') {
      throw stateless(`${where}`, 'an item_reference');
    } else {
      throw invalidField(`${where}.type`, `"${String(type)}" is not supported (message, function_call, function_call_output are)`);
    }
  });
  return out;
}

function chatTools(tools: unknown, dropped: Set<string>): Json[] | undefined {
  if (tools === undefined || tools === null) return undefined;
  if (!Array.isArray(tools)) throw invalidField('tools', 'must be an array');
  const out: Json[] = [];
  tools.forEach((t: unknown, i: number) => {
    if (!isRecord(t)) throw invalidField(`tools[${i}]`, 'must be an object');
    if (t.type !== 'function') {
      dropped.add(`${String(t.type)} tools`);
      return;
    }
    if (!str(t.name)) throw invalidField(`tools[${i}].name`, 'required');
    const fn: Json = { name: t.name, parameters: isRecord(t.parameters) ? t.parameters : { type: 'object', properties: {} } };
    if (str(t.description)) fn.description = t.description;
    if (typeof t.strict === 'boolean') fn.strict = t.strict;
    out.push({ type: 'function', function: fn });
  });
  return out;
}

function chatToolChoice(choice: unknown, dropped: Set<string>): unknown {
  if (choice === undefined || choice === null) return undefined;
  if (choice === 'auto' || choice === 'none' || choice === 'required') return choice;
  if (isRecord(choice) && choice.type === 'function' && str(choice.name)) return { type: 'function', function: { name: choice.name } };
  if (isRecord(choice) && choice.type === 'allowed_tools') {
    dropped.add('tool_choice.allowed_tools list');
    return choice.mode === 'required' ? 'required' : 'auto';
  }
  if (isRecord(choice)) {
    dropped.add(`tool_choice ${String(choice.type)}`);
    return undefined;
  }
  throw invalidField('tool_choice', 'must be "auto", "none", "required" or {"type":"function","name":...}');
}

function responseFormat(text: unknown, dropped: Set<string>): Json | undefined {
  if (!isRecord(text)) return undefined;
  if (text.verbosity !== undefined) dropped.add('text.verbosity');
  const f = text.format;
  if (!isRecord(f) || f.type === 'text') return undefined;
  if (f.type === 'json_object') return { type: 'json_object' };
  if (f.type === 'json_schema') {
    if (!str(f.name) || !isRecord(f.schema)) throw invalidField('text.format', 'a json_schema format needs name and schema');
    const js: Json = { name: f.name, schema: f.schema };
    if (typeof f.strict === 'boolean') js.strict = f.strict;
    if (str(f.description)) js.description = f.description;
    return { type: 'json_schema', json_schema: js };
  }
  throw invalidField('text.format.type', `must be text, json_object or json_schema, got ${JSON.stringify(f.type)}`);
}

export function responsesToChat(body: Json): TranslatedResponses {
  const dropped = new Set<string>();
  for (const k of Object.keys(body)) if (!KNOWN.has(k) && body[k] !== null) dropped.add(k);
  const messages: Json[] = [];
  if (str(body.instructions)) messages.push({ role: 'system', content: body.instructions });
  messages.push(...inputMessages(body.input, dropped));
  const chat: Json = { model: body.model, messages };
  if (num(body.max_output_tokens) !== undefined) chat.max_tokens = body.max_output_tokens;
  if (num(body.temperature) !== undefined) chat.temperature = body.temperature;
  if (num(body.top_p) !== undefined) chat.top_p = body.top_p;
  const tools = chatTools(body.tools, dropped);
  if (tools && tools.length > 0) {
    chat.tools = tools;
    const choice = chatToolChoice(body.tool_choice, dropped);
    if (choice !== undefined) chat.tool_choice = choice;
    if (typeof body.parallel_tool_calls === 'boolean') chat.parallel_tool_calls = body.parallel_tool_calls;
  }
  const format = responseFormat(body.text, dropped);
  if (format) chat.response_format = format;
  const user = str(body.safety_identifier) ?? str(body.user);
  if (user) chat.user = user;
  if (body.stream === true) {
    chat.stream = true;
    chat.stream_options = { include_usage: true };
  }
  return { chat, dropped: [...dropped].sort() };
}
