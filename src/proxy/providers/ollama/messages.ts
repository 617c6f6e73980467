// OpenAI messages as Ollama takes them: /api/chat messages (text, base64 images, tool calls with object
// arguments, tool results by tool_name), or for /api/generate one prompt with its system text.
import { isRecord, str, invalidRequest, parseArguments, type Json } from '../common.js';
import { imageUrlOf } from '../content.js';

/** Ollama takes images as bare base64; it cannot fetch URLs and neither can a pure adapter. */
function imageData(url: string, where: string): string {
  const data = /^data:[^,]*;base64,(.*)$/s.exec(url)?.[1];
  if (data !== undefined) return data;
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
      const url = imageUrlOf(part);
      if (!url) throw invalidRequest('ollama', `${pw}.image_url.url is missing`);
      images.push(imageData(url, pw));
    } else {
      throw invalidRequest('ollama', `${pw}.type "${String(part.type)}" is not supported by Ollama`);
    }
  });
  return { text: texts.join('\n'), images };
}

/** An assistant message's tool calls; remembers each call's name by id for the tool results after it. */
function toolCalls(calls: unknown[], where: string, names: Map<string, string>): Json[] {
  return calls.map((c, j) => {
    const cw = `${where}.tool_calls[${j}]`;
    const name = isRecord(c) && isRecord(c.function) ? str(c.function.name) : undefined;
    if (!isRecord(c) || !isRecord(c.function) || !name) throw invalidRequest('ollama', `${cw}.function.name is required`);
    const id = str(c.id);
    if (id) names.set(id, name);
    // Ollama wants arguments as an object, OpenAI sends a JSON string.
    return { function: { name, arguments: parseArguments('ollama', c.function.arguments, cw) } };
  });
}

export function chatMessages(messages: unknown): Json[] {
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
        if (Array.isArray(m.tool_calls) && m.tool_calls.length > 0) out.tool_calls = toolCalls(m.tool_calls, where, names);
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

interface GenerateTurn {
  role: string;
  text: string;
}

/** A single user message as it is, a conversation as a plain transcript ending with the assistant's cue. */
function transcript(turns: GenerateTurn[]): string {
  const [first] = turns;
  if (turns.length === 1 && first?.role === 'user') return first.text;
  const prompt = turns.map((t) => `${t.role === 'user' ? 'User' : 'Assistant'}: ${t.text}`).join('\n\n');
  return turns[turns.length - 1]?.role === 'user' ? `${prompt}\n\nAssistant:` : prompt;
}

/**
 * /api/generate takes one prompt: a single user message goes as it is, a conversation as a plain transcript
 * (the model's template still wraps it), system messages go in `system`.
 */
export function generateFields(messages: unknown): Json {
  if (!Array.isArray(messages)) throw invalidRequest('ollama', 'messages must be an array');
  const system: string[] = [];
  const turns: GenerateTurn[] = [];
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
  const out: Json = { prompt: transcript(turns) };
  if (system.length > 0) out.system = system.join('\n\n');
  if (images.length > 0) out.images = images;
  return out;
}

/** A completion's prompt: one string (Ollama generates one completion per request). */
export function completionPrompt(prompt: unknown): string {
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt) && prompt.length === 1 && typeof prompt[0] === 'string') return prompt[0];
  throw invalidRequest('ollama', 'prompt must be a string (Ollama generates one completion per request)');
}
