// OpenAI embeddings <-> Gemini: one input goes to :embedContent, a list to :batchEmbedContents (Gemini
// takes text only, no token arrays); the vectors come back as OpenAI's list, base64 when asked.
import { RainyModelError } from '../../../shared/errors.js';
import type { AdapterDeployment, RequestContext, UpstreamRequest } from '../types.js';
import { isRecord, num, invalidRequest, type Json, wantsBase64, toBase64Floats } from '../common.js';
import { methodUrl, modelPath } from './urls.js';

/** The text to embed, or the list of them. */
function embeddingInputs(input: unknown): string | string[] {
  if (typeof input === 'string') return input;
  if (Array.isArray(input) && input.length > 0 && input.every((x): x is string => typeof x === 'string')) return input;
  throw invalidRequest('gemini', 'input must be a string or an array of strings (Gemini does not take token arrays)');
}

export function buildEmbeddingRequest(deployment: AdapterDeployment, body: Json, headers: Record<string, string>): UpstreamRequest {
  const input = embeddingInputs(body.input);
  const dims = num(body.dimensions);
  const one = (text: string): Json => {
    const r: Json = { content: { parts: [{ text }] } };
    if (dims !== undefined) r.outputDimensionality = dims;
    return r;
  };
  if (typeof input === 'string') {
    return {
      url: methodUrl(deployment.apiBase, deployment.upstreamModel, 'embedContent'),
      method: 'POST',
      headers,
      body: JSON.stringify(one(input)),
    };
  }
  const model = modelPath(deployment.upstreamModel);
  return {
    url: methodUrl(deployment.apiBase, deployment.upstreamModel, 'batchEmbedContents'),
    method: 'POST',
    headers,
    body: JSON.stringify({ requests: input.map((t) => ({ model, ...one(t) })) }),
  };
}

export function translateEmbeddings(ctx: RequestContext, upstream: unknown): Json {
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
