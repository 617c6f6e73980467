// OpenAI chat request -> Gemini generateContent body: system messages as systemInstruction, turns as
// `contents` of user and model parts (text, inlineData, fileData, functionCall, functionResponse),
// tools as functionDeclarations with their toolConfig, sampling settings as generationConfig.
import type { AdapterDeployment } from '../types.js';
import { isRecord, str, num, invalidRequest, parseArguments, type Json } from '../common.js';
import { imageUrlOf, parseDataUrl, textOf, toolFunction } from '../content.js';
import { thoughtSignatureOf } from './tool-call-id.js';

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
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

/** data: URLs are sent inline; other URLs as fileData (Files API URIs, and the public URLs Gemini fetches). */
function mediaPart(url: string, where: string): Json {
  const inline = parseDataUrl(url);
  if (inline) return { inlineData: inline };
  if (!/^(https?|gs):\/\//i.test(url)) throw invalidRequest('gemini', `${where}: expected a data: URL or an http(s)/gs URL`);
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  const fileData: Json = { fileUri: url };
  const mime = ext !== undefined && Object.hasOwn(MIME_BY_EXTENSION, ext) ? MIME_BY_EXTENSION[ext] : undefined;
  if (mime) fileData.mimeType = mime;
  return { fileData };
}

/** One part of a user message's content array. */
function userPart(part: unknown, pw: string): Json | undefined {
  if (!isRecord(part)) throw invalidRequest('gemini', `${pw} must be an object`);
  switch (part.type) {
    case 'text':
      return str(part.text) ? { text: part.text } : undefined;
    case 'image_url': {
      const url = imageUrlOf(part);
      if (!url) throw invalidRequest('gemini', `${pw}.image_url.url is missing`);
      return mediaPart(url, pw);
    }
    case 'input_audio': {
      const audio = isRecord(part.input_audio) ? part.input_audio : {};
      const data = str(audio.data);
      if (!data) throw invalidRequest('gemini', `${pw}.input_audio.data is missing`);
      return { inlineData: { mimeType: `audio/${str(audio.format) ?? 'wav'}`, data } };
    }
    case 'file': {
      const file = isRecord(part.file) ? part.file : {};
      const data = str(file.file_data);
      const id = str(file.file_id);
      if (data) return mediaPart(data, pw);
      if (id) return { fileData: { fileUri: id } };
      throw invalidRequest('gemini', `${pw}.file needs file_data or file_id`);
    }
    default:
      throw invalidRequest('gemini', `${pw}.type "${String(part.type)}" is not supported by Gemini`);
  }
}

function userParts(content: unknown, where: string): Json[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ text: content }];
  if (!Array.isArray(content)) throw invalidRequest('gemini', `${where}.content must be a string or an array of parts`);
  const parts: Json[] = [];
  content.forEach((part, i) => {
    const p = userPart(part, `${where}.content[${i}]`);
    if (p) parts.push(p);
  });
  return parts;
}

/** A tool result as functionResponse.response, which must be a JSON object. */
function functionResponse(content: unknown): Json {
  const text = textOf(content);
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) return parsed;
    // Gemini reads the `output` key as the function's output when the response is not an object already.
    return { output: parsed };
  } catch {
    return { output: text };
  }
}

/** An assistant message as model parts: its text, then its tool calls as functionCall parts. */
function modelParts(m: Json, where: string, callNames: Map<string, string>): Json[] {
  const parts: Json[] = [];
  const text = textOf(m.content);
  if (text) parts.push({ text });
  const calls = Array.isArray(m.tool_calls) ? m.tool_calls : [];
  calls.forEach((c, j) => {
    const cw = `${where}.tool_calls[${j}]`;
    const name = isRecord(c) && isRecord(c.function) ? str(c.function.name) : undefined;
    if (!isRecord(c) || !isRecord(c.function) || !name) throw invalidRequest('gemini', `${cw}.function.name is required`);
    const id = str(c.id) ?? '';
    callNames.set(id, name);
    const part: Json = { functionCall: { name, args: parseArguments('gemini', c.function.arguments, cw) } };
    const signature = thoughtSignatureOf(id);
    if (signature !== undefined) part.thoughtSignature = signature;
    parts.push(part);
  });
  return parts;
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
      case 'assistant':
        push('model', modelParts(m, where, callNames));
        break;
      case 'tool': {
        const name = callNames.get(str(m.tool_call_id) ?? '') ?? str(m.name);
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

function functionDeclarations(tools: unknown[]): Json[] {
  return tools.map((t, i) => {
    const fn = toolFunction('gemini', t, i);
    const d: Json = { name: fn.name };
    if (str(fn.description)) d.description = fn.description;
    // parametersJsonSchema takes JSON Schema as OpenAI clients write it (additionalProperties, $defs, ...),
    // where `parameters` only takes Google's OpenAPI subset and rejects the rest.
    if (isRecord(fn.parameters)) d.parametersJsonSchema = fn.parameters;
    return d;
  });
}

function responseFormat(rf: unknown, g: Json): void {
  if (!isRecord(rf)) return;
  if (rf.type === 'json_object') g.responseMimeType = 'application/json';
  else if (rf.type === 'json_schema') {
    g.responseMimeType = 'application/json';
    const js = isRecord(rf.json_schema) ? rf.json_schema : {};
    if (isRecord(js.schema)) g.responseJsonSchema = js.schema;
  }
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
  const n = num(body.n);
  if (n !== undefined && n > 1) g.candidateCount = n;
  if (num(body.seed) !== undefined) g.seed = body.seed;
  if (num(body.presence_penalty) !== undefined) g.presencePenalty = body.presence_penalty;
  if (num(body.frequency_penalty) !== undefined) g.frequencyPenalty = body.frequency_penalty;
  responseFormat(body.response_format, g);
  return g;
}

export function buildChatBody(deployment: AdapterDeployment, body: Json): Json {
  const { system, contents } = buildContents(body.messages);
  const out: Json = { contents };
  if (system.length > 0) out.systemInstruction = { parts: system };
  if (Array.isArray(body.tools) && body.tools.length > 0) {
    out.tools = [{ functionDeclarations: functionDeclarations(body.tools) }];
    const tc = toolConfig(body.tool_choice);
    if (tc) out.toolConfig = tc;
  }
  const g = generationConfig(body);
  if (Object.keys(g).length > 0) out.generationConfig = g;
  if (isRecord(deployment.params.extra_body)) Object.assign(out, deployment.params.extra_body);
  return out;
}
