// CLI scenarios: argv -> stdout, stderr, exit code. Run in process from src/ (runCli with an injected
// environment and working directory, in temp directories); the real launcher (bin/rmctl -> dist/) in a
// child process where the process itself matters (pipes, the installed entry point).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, rmctlInProcess, type Run } from '../support/cli.js';
import { yaml } from './helpers.js';

function rmctl(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return rmctlInProcess(cwd, args, { env });
}

const VALID_PROVIDERS = yaml`
  providers:
    local:
      type: ollama
      base_url: http://127.0.0.1:11434
      models: [llama3.1:8b]
    api:
      type: openai
      api_keys: [OPENAI_KEY]
      models: [gpt-4o]
`;
const VALID_MAPPINGS = yaml`
  aliases:
    chat:
      deployments:
        - {provider: local, model: "llama3.1:8b"}
        - {provider: api, model: gpt-4o}
`;
const ENV = { OPENAI_KEY: 'sk-cli-test-value-0000000000000000' };
/** "chat" spans two tiers: validate says once that a stock LiteLLM does not fall through them per request. */
const TIER_NOTE =
  "model-mappings.yaml:2:3 info effect/tier-fallthrough in a stock LiteLLM a request for chat stays on the group's first tier: its retries go to the same deployments, and the next tier takes over only after those are cooled down (allowed_fails: 3 a minute), so the first failing requests reach the client; rmctl serve falls through to the next tier within the request\n" +
  '    fix: to fall through per request in LiteLLM too, give each tier its own group and chain them with fallbacks\n';

const WARN_PROVIDERS = VALID_PROVIDERS.replace('    models: [llama3.1:8b]', '    modles_note: typo\n    models: [llama3.1:8b]');
if (WARN_PROVIDERS === VALID_PROVIDERS) throw new Error('fixture: the typo was not inserted');
const INVALID_MAPPINGS = yaml`
  aliases:
    chat:
      deployments:
        - {provider: nowhere, model: x}
`;

let base: string;
let n = 0;

/** A fresh temp dir with providers.yaml / model-mappings.yaml. */
function project(providers = VALID_PROVIDERS, mappings = VALID_MAPPINGS): string {
  const dir = join(base, `case-${++n}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'providers.yaml'), providers);
  writeFileSync(join(dir, 'model-mappings.yaml'), mappings);
  return dir;
}
const SRC = ['--providers', 'providers.yaml', '--mappings', 'model-mappings.yaml'];

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'rmctl-cli-'));
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('rmctl validate', () => {
  it('clean: exit 0, nothing on stdout, the summary on stderr', async () => {
    const r = await rmctl(project(), ['validate', ...SRC], ENV);
    expect(r).toEqual({ code: 0, stdout: '', stderr: `${TIER_NOTE}valid: 0 errors, 0 warnings, 1 info\n` });
  });

  it('warnings only: exit 0, each warning as file:line:col with its fix', async () => {
    const r = await rmctl(project(WARN_PROVIDERS), ['validate', ...SRC], ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      TIER_NOTE +
        'providers.yaml:5:5 warning schema/unknown-key unknown key "modles_note" in "providers/local": it has no effect\n' +
        '    fix: known keys: type, tier, status, base_url, api_keys, api_key_env, env_var, api_key, requires_api_key, rate_limits, timeout, stream_timeout, weight, max_parallel_requests, description, notes, docs, features, location, service_file, health_endpoint, api_format, configuration, hardware_requirements, gpu_memory_utilization, max_model_len, cost_per_1k_tokens, models\n' +
        'valid: 0 errors, 1 warning, 1 info\n',
    );
  });

  it('an unset variable is a warning (exit 0), an error with --strict (exit 1)', async () => {
    const dir = project();
    const loose = await rmctl(dir, ['validate', ...SRC]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain('providers.yaml:8:16 warning env/unset environment variable OPENAI_KEY');
    const strict = await rmctl(dir, ['validate', '--strict', ...SRC]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('providers.yaml:8:16 error env/unset');
    expect(strict.stderr).toMatch(/invalid: 1 error, 0 warnings, 1 info\n$/);
  });

  it('--strict turns unknown keys into errors: exit 1', async () => {
    const r = await rmctl(project(WARN_PROVIDERS), ['validate', '--strict', ...SRC], ENV);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('providers.yaml:5:5 error schema/unknown-key');
    expect(r.stderr).toMatch(/invalid: 1 error, 0 warnings, 1 info\n$/);
  });

  it('invalid: exit 1, the error with its position and fix', async () => {
    const r = await rmctl(project(VALID_PROVIDERS, INVALID_MAPPINGS), ['validate', ...SRC], ENV);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('model-mappings.yaml:2:3 error route/no-active-deployment "chat" has no active deployment');
    expect(r.stderr).toContain('model-mappings.yaml:4:9 error ref/unknown-provider unknown provider "nowhere"\n    fix: known providers: local, api\n');
    expect(r.stderr).toMatch(/invalid: 2 errors, 0 warnings, 0 info\n$/);
  });

  it('--format json: one JSON document on stdout', async () => {
    const r = await rmctl(project(VALID_PROVIDERS, INVALID_MAPPINGS), ['validate', '--format', 'json', ...SRC], ENV);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { valid: boolean; counts: Record<string, number>; diagnostics: Array<Record<string, unknown>> };
    expect(doc.valid).toBe(false);
    expect(doc.counts).toEqual({ error: 2, warning: 0, info: 0 });
    expect(doc.diagnostics.map((d) => [d.code, d.file, d.line, d.col, d.pointer])).toEqual([
      ['route/no-active-deployment', 'model-mappings.yaml', 2, 3, '/aliases/chat'],
      ['ref/unknown-provider', 'model-mappings.yaml', 4, 9, '/aliases/chat/deployments/0'],
    ]);
  });

  it('--format json on a valid config counts groups and deployments', async () => {
    const r = await rmctl(project(), ['validate', '--format=json', ...SRC], ENV);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      model_groups: 1,
      deployments: 2,
      valid: true,
      counts: { error: 0, warning: 0, info: 1 },
      diagnostics: [expect.objectContaining({ code: 'effect/tier-fallthrough', severity: 'info', file: 'model-mappings.yaml', line: 2, col: 3, pointer: '/aliases/chat' })],
    });
  });

  it('--format github: workflow annotations on stdout, the summary on stderr', async () => {
    const r = await rmctl(project(WARN_PROVIDERS, INVALID_MAPPINGS), ['validate', '--format', 'github', ...SRC], ENV);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=model-mappings.yaml,line=2,col=3,title=route/no-active-deployment::"chat" has no active deployment: clients asking for it would always fail (fix: point it at an active provider, or set the provider active)',
      '::error file=model-mappings.yaml,line=4,col=9,title=ref/unknown-provider::unknown provider "nowhere" (fix: known providers: local, api)',
      expect.stringMatching(/^::warning file=providers\.yaml,line=5,col=5,title=schema\/unknown-key::unknown key "modles_note"/),
    ]);
    expect(r.stderr).toBe('invalid: 2 errors, 1 warning, 0 info\n');
  });

  it('a missing file: exit 1, a clear message naming it', async () => {
    const dir = project();
    const r = await rmctl(dir, ['validate', '--providers', 'nope.yaml', '--mappings', 'model-mappings.yaml'], ENV);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.yaml error io/read file not found\n    fix: pass the right path with --providers / --mappings');
  });

  it('the default paths are the project layout (providers/, mappings/) under the working directory', async () => {
    const dir = project();
    mkdirSync(join(dir, 'providers'));
    mkdirSync(join(dir, 'mappings'));
    writeFileSync(join(dir, 'providers/providers.yaml'), VALID_PROVIDERS);
    writeFileSync(join(dir, 'mappings/model-mappings.yaml'), VALID_MAPPINGS);
    expect((await rmctl(dir, ['validate'], ENV)).code).toBe(0);
    const missing = await rmctl(project(), ['validate'], ENV);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('providers/providers.yaml error io/read file not found');
  });

  it('a YAML syntax error: exit 1 at the position', async () => {
    const r = await rmctl(project('providers:\n  local: {type: ollama\n'), ['validate', ...SRC]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^providers\.yaml:\d+:\d+ error yaml\/syntax /);
  });
});

describe('usage errors exit 64', () => {
  it('an unknown option', async () => {
    const r = await rmctl(project(), ['validate', '--nope', ...SRC], ENV);
    expect(r.code).toBe(64);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown option '--nope'");
  });

  it('a bad --format', async () => {
    const r = await rmctl(project(), ['validate', '--format', 'xml', ...SRC], ENV);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("argument 'xml' is invalid");
    expect(r.stderr).toContain('text, json, github');
  });

  it('an unknown command', async () => {
    const r = await rmctl(project(), ['valdate'], ENV);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('valdate');
  });

  it('--version exits 0 with the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await rmctl(project(), ['--version']);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('rmctl generate', () => {
  const OUT = 'generated/litellm-unified.yaml';

  it('writes the compiled file (creating its directory), then says unchanged', async () => {
    const dir = project();
    const r = await rmctl(dir, ['generate', ...SRC], ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`wrote ${OUT}: 1 model groups, 2 deployments\n`);
    const text = readFileSync(join(dir, OUT), 'utf8');
    expect(text.startsWith('# Generated by `rmctl generate`: do not edit.\n')).toBe(true);
    expect(text).toContain('model: ollama_chat/llama3.1:8b');
    expect(text).toContain('api_key: os.environ/OPENAI_KEY');
    expect(text).not.toContain(ENV.OPENAI_KEY);
    const again = await rmctl(dir, ['generate', ...SRC], ENV);
    expect(again).toEqual({ code: 0, stdout: '', stderr: `${OUT} unchanged\n` });
  });

  it('refuses to write on errors: exit 1, an existing file untouched', async () => {
    const dir = project(VALID_PROVIDERS, INVALID_MAPPINGS);
    mkdirSync(join(dir, 'generated'));
    const before = '# the last good config\nmodel_list: []\n';
    writeFileSync(join(dir, OUT), before);
    const mtime = statSync(join(dir, OUT)).mtimeMs;
    const r = await rmctl(dir, ['generate', ...SRC], ENV);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error ref/unknown-provider');
    expect(r.stderr).toContain(`generate: not written: fix the errors above (${OUT} is unchanged)`);
    expect(readFileSync(join(dir, OUT), 'utf8')).toBe(before);
    expect(statSync(join(dir, OUT)).mtimeMs).toBe(mtime);
  });

  it('refuses to write on errors: no file appears when there was none', async () => {
    const dir = project(VALID_PROVIDERS, INVALID_MAPPINGS);
    expect((await rmctl(dir, ['generate', ...SRC], ENV)).code).toBe(1);
    expect(existsSync(join(dir, OUT))).toBe(false);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('--check: 0 when fresh, 1 when stale, 1 when missing; it never writes', async () => {
    const dir = project();
    const missing = await rmctl(dir, ['generate', '--check', ...SRC], ENV);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`${OUT} does not exist: run \`rmctl generate\` and commit the result\n`);
    expect(existsSync(join(dir, OUT))).toBe(false);

    expect((await rmctl(dir, ['generate', ...SRC], ENV)).code).toBe(0);
    const fresh = await rmctl(dir, ['generate', '--check', ...SRC], ENV);
    expect(fresh).toEqual({ code: 0, stdout: '', stderr: `${OUT} is up to date\n` });

    writeFileSync(join(dir, 'model-mappings.yaml'), VALID_MAPPINGS + '# an edit after the last generate\n');
    const before = readFileSync(join(dir, OUT), 'utf8');
    const stale = await rmctl(dir, ['generate', '--check', ...SRC], ENV);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`${OUT} is stale`);
    expect(readFileSync(join(dir, OUT), 'utf8')).toBe(before);
  });

  it('--check with invalid sources: exit 1, nothing written', async () => {
    const dir = project(VALID_PROVIDERS, INVALID_MAPPINGS);
    const r = await rmctl(dir, ['generate', '--check', ...SRC], ENV);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, OUT))).toBe(false);
  });

  it('--stdout prints the YAML and writes nothing; warnings stay on stderr', async () => {
    const dir = project(WARN_PROVIDERS);
    const r = await rmctl(dir, ['generate', '--stdout', ...SRC], ENV);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# Generated by `rmctl generate`: do not edit.\n')).toBe(true);
    expect(r.stdout).toContain('model_name: chat');
    expect(r.stderr).toContain('warning schema/unknown-key');
    expect(existsSync(join(dir, OUT))).toBe(false);
    // The same bytes a write would produce.
    expect((await rmctl(dir, ['generate', ...SRC], ENV)).code).toBe(0);
    expect(readFileSync(join(dir, OUT), 'utf8')).toBe(r.stdout);
  });

  it('--out writes elsewhere (creating directories); --check --out checks that file', async () => {
    const dir = project();
    const r = await rmctl(dir, ['generate', '--out', 'deploy/conf/litellm.yaml', ...SRC], ENV);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('wrote deploy/conf/litellm.yaml: 1 model groups, 2 deployments\n');
    expect(existsSync(join(dir, 'deploy/conf/litellm.yaml'))).toBe(true);
    expect(existsSync(join(dir, OUT))).toBe(false);
    expect((await rmctl(dir, ['generate', '--check', '--out', 'deploy/conf/litellm.yaml', ...SRC], ENV)).code).toBe(0);
  });

  it('the output does not depend on the environment: generated with and without keys set, same bytes', async () => {
    const dir = project();
    const a = await rmctl(dir, ['generate', '--stdout', ...SRC], ENV);
    const b = await rmctl(dir, ['generate', '--stdout', ...SRC], { OPENAI_KEY: 'another-value' });
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('the project\'s own generated/ is fresh (rmctl generate --check in the repo)', async () => {
    const r = await rmctl(ROOT, ['generate', '--check']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('generated/litellm-unified.yaml is up to date');
  });
});
