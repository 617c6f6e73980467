// The compiler benchmark's registry: 10,000 deployments (100 providers x 100 models; 50 aliases of 20
// deployments take 1,000 of them; fallbacks, capabilities, patterns). Shared by scripts/bench-compiler.mjs
// and test/compiler/litellm-compat.test.ts (the compiled output must satisfy the LiteLLM facts too).
export const PROVIDERS = 100;
export const MODELS = 100;
export const ALIASES = 50;
const ALIAS_SIZE = 20;
const TYPES = ['ollama', 'vllm', 'llama_cpp', 'openai_compatible', 'openai', 'anthropic', 'gemini', 'deepseek', 'xai', 'openrouter', 'huggingface'];
const LOCAL = new Set(['ollama', 'vllm', 'llama_cpp', 'openai_compatible']);
const TIERS = ['free', 'internal', 'direct', 'premium'];

export function registry() {
  const env = {};
  const p = ['providers:'];
  for (let i = 0; i < PROVIDERS; i++) {
    const type = TYPES[i % TYPES.length];
    p.push(`  p${i}:`, `    type: ${type}`, `    tier: ${TIERS[i % 4]}`, `    description: generated provider ${i}`);
    if (LOCAL.has(type)) p.push(`    base_url: \${P${i}_URL:-http://10.0.${i >> 8}.${i & 255}:8000}`);
    else {
      // One key each: every provider model is then exactly one deployment (rotation would multiply them).
      p.push(`    api_keys: [P${i}_KEY]`);
      env[`P${i}_KEY`] = `value-${i}`;
    }
    p.push('    rate_limits: {rpm: 600}', '    timeout: 60', '    models:');
    for (let j = 0; j < MODELS; j++) p.push(j % 10 === 0 ? `      - {name: p${i}-m${j}, context_length: 32768}` : `      - p${i}-m${j}`);
  }
  const m = ['aliases:'];
  for (let a = 0; a < ALIASES; a++) {
    m.push(`  rainymodel/a${a}:`, `    description: alias ${a}`, '    deployments:');
    for (let k = 0; k < ALIAS_SIZE; k++) {
      const i = (a * 7 + k * 13) % PROVIDERS;
      m.push(`      - {provider: p${i}, model: p${i}-m${50 + (a % 50)}}`);
    }
    if (a > 0) m.push(`    fallbacks: [rainymodel/a${a - 1}]`);
  }
  m.push('fallback_chains:');
  for (let i = 0; i < PROVIDERS; i++) {
    for (let j = 0; j < 5; j++) m.push(`  p${i}-m${j}:`, `    chain: [p${i}-m${j + 10}, p${(i + 1) % PROVIDERS}-m${j + 20}]`);
  }
  m.push('  default:', '    chain: [p0-m1, p1-m1]');
  m.push('capabilities:');
  for (let c = 0; c < 20; c++) m.push(`  cap${c}:`, `    preferred_models: [p${c}-m2, p${c + 1}-m3, p${c + 2}-m4]`);
  m.push('patterns:');
  for (let t = 0; t < 20; t++) m.push(`  - pattern: "^family${t}/.*"`, `    provider: p${t}`, `    fallback: p${t + 1}`);
  m.push('router:', '  routing_strategy: simple-shuffle', '  num_retries: 2');
  return { providers: p.join('\n') + '\n', mappings: m.join('\n') + '\n', env };
}

