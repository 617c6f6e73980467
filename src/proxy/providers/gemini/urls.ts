// Where a Gemini call goes: models/{model}:{method} under the API version root (v1beta unless the
// deployment's api_base names a version itself).
export const GEMINI_DEFAULT_BASE = 'https://generativelanguage.googleapis.com';

/** `models/x` and `tunedModels/x` are already resource names; a bare id is a base model. */
export function modelPath(model: string): string {
  return model.includes('/') ? model : `models/${model}`;
}

export function methodUrl(apiBase: string, model: string, method: string): string {
  let base = (apiBase || GEMINI_DEFAULT_BASE).replace(/\/+$/, '');
  if (!/\/v1(beta\d*|alpha)?$/.test(base)) base = `${base}/v1beta`;
  return `${base}/${modelPath(model)}:${method}`;
}
