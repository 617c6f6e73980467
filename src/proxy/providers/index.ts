// Prefix -> adapter. Native adapters (anthropic, gemini, ollama) are added to ADAPTERS by their authors.
import { anthropicAdapter } from './anthropic/index.js';
import { geminiAdapter } from './gemini/index.js';
import { ollamaAdapter } from './ollama/index.js';
import { openAICompatibleAdapter } from './openai-compatible.js';
import type { ProviderAdapter } from './types.js';

const ADAPTERS: readonly ProviderAdapter[] = [openAICompatibleAdapter, anthropicAdapter, geminiAdapter, ollamaAdapter];

const BY_PREFIX: ReadonlyMap<string, ProviderAdapter> = new Map(
  ADAPTERS.flatMap((adapter) => adapter.prefixes.map((prefix) => [prefix, adapter] as const)),
);

export function getAdapter(prefix: string): ProviderAdapter | undefined {
  return BY_PREFIX.get(prefix);
}

export function knownPrefixes(): string[] {
  return [...BY_PREFIX.keys()].sort();
}
