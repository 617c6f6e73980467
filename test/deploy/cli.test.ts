// rmctl apply / rollback / backups as separate processes, deploying a temp git repo's sources to a real
// `rmctl serve` process that the `systemctl` stand-in really stops and starts. Needs the built CLI
// (`npm run build`; `npm test` builds first).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { request } from 'undici';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupStore } from '../../src/deploy/backup.js';
import { candidateFromCompiled } from '../../src/deploy/candidate.js';
import { SystemctlService } from '../../src/deploy/service.js';
import { lockPathFor, runApply } from '../../src/deploy/transaction.js';
import { EXIT } from '../../src/shared/errors.js';
import { commitModels, freePort, git, makeSourceRepo, makeStandin, MAPPINGS, REPO_ROOT, RMCTL, removeDir, tempDir, waitFor, type Standin } from './support.js';
import { at } from '../support/must.js';

const SERVICE = 'rainymodel.service';

// Each test runs several rmctl processes one after another, and each restart starts a real `rmctl serve`: on a
// loaded 2-core machine a test can take well over the 30 s default. Nothing here asserts on timing.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'))) throw new Error('the CLI is not built: run `npm run build` first');
});

let root: string;
let repo: string;
let initialCommit: string;
let target: string;
let port: number;
let standin: Standin;
let env: Record<string, string | undefined>;

beforeEach(async () => {
  root = tempDir();
  ({ repo, commit: initialCommit } = await makeSourceRepo(root, ['qwen2.5:7b']));
  mkdirSync(join(root, 'deployed'));
  target = join(root, 'deployed', 'litellm.yaml');
  port = await freePort();
  standin = makeStandin(root, {
    [SERVICE]: { argv: [process.execPath, RMCTL, 'serve', '--config', target, '--port', String(port), '--log-level', 'error'] },
  });
  // The settings file a team keeps next to its sources: plain `rmctl apply --backup` then does the rest.
  // timeout 60 (the default): only a verification that fails waits it out, and none of these is meant to
  // fail by timing out; a restarted `rmctl serve` on a loaded machine gets all the room it needs.
  writeFileSync(
    join(repo, 'rmctl.config.yaml'),
    `deploy:\n  target: ../deployed/litellm.yaml\n  service: ${SERVICE}\n  scope: user\n  base_url: http://127.0.0.1:${port}\n  timeout: 60\n  keep_backups: 2\n`,
  );
  env = { ...standin.env };
  delete env.RM_TEST_OLLAMA_URL;
});

afterEach(async () => {
  await standin.cleanup();
  removeDir(root);
});

function rmctl(args: string[], extraEnv: Record<string, string> = {}) {
  // forceKillAfterDelay off: an interrupted apply takes its time to restore, and must not be SIGKILLed for it.
  return execa(process.execPath, [RMCTL, ...args], {
    cwd: repo,
    env: { ...env, ...extraEnv },
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    stripFinalNewline: false,
    forceKillAfterDelay: false,
  });
}

async function models(): Promise<string[]> {
  const res = await request(`http://127.0.0.1:${port}/v1/models`);
  const body = (await res.body.json()) as { data: Array<{ id: string }> };
  return body.data.map((m) => m.id).sort();
}

async function applyOk(args: string[] = ['apply', '--backup', '--yes']): Promise<string> {
  const r = await rmctl(args);
  expect(r.stderr).toContain('applied');
  expect(r.exitCode, r.stderr).toBe(EXIT.ok);
  return r.stderr;
}

describe('rmctl apply (real rmctl serve behind the systemctl stand-in)', () => {
  it('deploys, then says unchanged; each step shown; backups and audit recorded', async () => {
    const first = await applyOk(['apply', '--yes']);
    expect(first).toMatch(/ok {3}plan .*nothing deployed yet/);
    expect(await models()).toEqual(['rainymodel/auto']);
    // The deployed copy is what LiteLLM can load: the source's ${VAR:-default} is written as a URL.
    const deployed = readFileSync(target, 'utf8');
    expect(deployed).toContain('api_base: http://127.0.0.1:11434');
    expect(deployed).not.toContain('${');

    await commitModels(repo, ['qwen2.5:7b', 'llama3.1:8b'], 'add llama');
    const second = await applyOk();
    for (const step of ['plan', 'lock', 'backup', 'write', 'restart', 'verify']) expect(second).toMatch(new RegExp(`ok {3}${step} `));
    expect(second).toContain('+ llama3.1:8b (0 -> 1 deployments)');
    expect(second).toContain(`systemctl --user restart ${SERVICE}`);
    expect(await models()).toEqual(['llama3.1:8b', 'rainymodel/auto']);

    const third = await rmctl(['apply', '--backup', '--yes']);
    expect(third.exitCode, third.stderr).toBe(EXIT.ok);
    expect(third.stderr).toContain('unchanged');

    const backups = await rmctl(['backups', '--format', 'json']);
    const list = (JSON.parse(backups.stdout) as { backups: Array<{ reason: string; sources_commit: string; replaced_by_commit: string }> }).backups;
    expect(list).toHaveLength(1);
    expect(list[0]?.reason).toBe('apply');
    // The backup is of what the first apply deployed: its commit is that apply's, found in the audit log.
    expect(list[0]?.sources_commit).toBe(initialCommit);
    expect(list[0]?.replaced_by_commit).toBe(await git(repo, 'rev-parse', 'HEAD'));
    const audit = readFileSync(join(repo, '.rmctl', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { outcome: string; user: string });
    expect(audit.map((a) => a.outcome)).toEqual(['applied', 'applied', 'unchanged']);
    // The first deploy started the service (nothing was running), the second restarted it.
    expect(first).toMatch(new RegExp(`ok {3}start .*systemctl --user start ${SERVICE} \\(it was not running\\)`));
    expect(standin.calls()).toEqual([`--user start ${SERVICE}`, `--user restart ${SERVICE}`]);
  });

  it('json output for machines', async () => {
    const r = await rmctl(['apply', '--yes', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { outcome: string; plan: { groups: Array<{ name: string; kind: string }> }; steps: Array<{ step: string }> };
    expect(out.outcome).toBe('applied');
    expect(out.plan.groups.map((g) => `${g.kind} ${g.name}`)).toEqual(['added rainymodel/auto']);
    // A first deploy: nothing ran, so the service was started.
    expect(out.steps.map((s) => s.step)).toEqual(['plan', 'lock', 'backup', 'write', 'start', 'verify']);
  });

  it('reload mode: verified by the file rmctl serve says it serves, not only by the model list', async () => {
    await applyOk(['apply', '--yes']);
    const before = readFileSync(target, 'utf8');
    // Same model list, other settings: /v1/models alone cannot tell the old config from the new one.
    writeFileSync(join(repo, 'mappings', 'model-mappings.yaml'), `${MAPPINGS}router:\n  num_retries: 4\n`);
    await git(repo, 'commit', '-q', '-am', 'more retries');
    writeFileSync(join(standin.stateDir, 'noop-reload'), '');
    // The ignored reload is waited out whole; the rollback's restart must come up within the same time.
    const ignored = await rmctl(['apply', '--backup', '--yes', '--reload', '--timeout', '10']);
    expect(ignored.exitCode, ignored.stderr).toBe(EXIT.operational);
    expect(ignored.stderr).toMatch(/FAIL verify .*serving config sha256 [0-9a-f]{12}, not yet [0-9a-f]{12}/);
    expect(readFileSync(target, 'utf8')).toBe(before);

    rmSync(join(standin.stateDir, 'noop-reload'));
    const took = await applyOk(['apply', '--backup', '--yes', '--reload']);
    expect(took).toMatch(/ok {3}verify .*serving the new file/);
    expect(readFileSync(target, 'utf8')).toContain('num_retries: 4');
  });

  it('canary fails through the real proxy (upstream down): rolled back, old config serving, exit 2', async () => {
    await applyOk(['apply', '--yes']);
    const before = readFileSync(target, 'utf8');
    await commitModels(repo, ['qwen2.5:7b', 'llama3.1:8b'], 'add llama');
    const closed = await freePort();
    // The new config points the ollama provider at a port nobody listens on: the completion cannot succeed.
    const r = await rmctl(['apply', '--backup', '--yes', '--canary', 'llama3.1:8b'], { RM_TEST_OLLAMA_URL: `http://127.0.0.1:${closed}` });
    expect(r.exitCode, r.stderr).toBe(EXIT.operational);
    expect(r.stderr).toMatch(/FAIL verify .*canary: model llama3\.1:8b answered HTTP 5\d\d/);
    expect(r.stderr).toContain('rolled back: the previous config is serving again');
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(await models()).toEqual(['rainymodel/auto']);
  });

  it('health never comes up (the new config does not load in rmctl serve): auto-rollback, old config serving', async () => {
    await applyOk(['apply', '--yes']);
    const before = readFileSync(target, 'utf8');
    // A config rmctl serve refuses (a deployment without litellm_params.model): the process exits at start.
    const broken = before.replace(/^( {6})model: ollama_chat\/qwen2\.5:7b$/m, '$1rpm: 5');
    expect(broken).not.toBe(before);
    const prepared = candidateFromCompiled(broken, { file: 'broken.yaml', env: {}, origin: 'a broken config', sourcesCommit: null });
    const result = await runApply(
      {
        candidate: prepared.candidate as NonNullable<typeof prepared.candidate>,
        target,
        reason: 'test',
        command: 'apply',
        backup: true,
        force: false,
        dryRun: false,
        mode: 'restart',
        healthUrl: `http://127.0.0.1:${port}/health/readiness`,
        baseUrl: `http://127.0.0.1:${port}`,
        // Waited out by the failing verification; the rollback's `rmctl serve` must come up within it as well,
        // which takes a few seconds on a loaded machine.
        timeoutMs: 15_000,
        lockWaitMs: 0,
      },
      { service: new SystemctlService({ name: SERVICE, scope: 'user', env }), backups: new BackupStore(join(root, 'b')), keepBackups: 3, env },
    );
    expect(result.outcome).toBe('rolled-back');
    expect(result.error?.message).toMatch(/not healthy within 15 s \(last: ECONNREFUSED\)/);
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(await models()).toEqual(['rainymodel/auto']);
    // rmctl serve said why it would not start, naming the file.
    expect(readFileSync(join(standin.stateDir, `${SERVICE}.log`), 'utf8')).toContain(target);
  });

  it('refuses to deploy when a referenced variable is unset and has no default', async () => {
    // The compiler writes no ${...} (LiteLLM expands none); a committed compiled file edited by hand to
    // carry one shows apply's check.
    mkdirSync(join(repo, 'generated'));
    expect((await rmctl(['generate'])).exitCode).toBe(0);
    const file = join(repo, 'generated', 'litellm-unified.yaml');
    const generated = readFileSync(file, 'utf8');
    expect(generated).not.toContain('${');
    writeFileSync(file, generated.replace(/api_base: http:\/\/127\.0\.0\.1:11434/g, 'api_base: ${RM_TEST_REQUIRED_URL}/ollama'));
    await git(repo, 'add', 'generated');
    await git(repo, 'commit', '-q', '-m', 'hand-edited compiled file');
    const r = await rmctl(['rollback', 'HEAD', '--compiled', '--yes']);
    expect(r.stderr).toContain('deploy/env-unset');
    expect(r.stderr).toContain('environment variable RM_TEST_REQUIRED_URL is not set');
    expect(r.exitCode, r.stderr).toBe(EXIT.invalid);
    expect(existsSync(target)).toBe(false);
    expect(standin.calls()).toEqual([]);
    // Set, it deploys, expanded.
    const ok = await rmctl(['rollback', 'HEAD', '--compiled', '--yes'], { RM_TEST_REQUIRED_URL: 'http://127.0.0.1:11434' });
    expect(ok.exitCode, ok.stderr).toBe(EXIT.ok);
    expect(readFileSync(target, 'utf8')).toContain('api_base: "http://127.0.0.1:11434/ollama"');
  });

  it('asks for --yes when stdin is not a terminal; --dry-run shows the plan and the text diff', async () => {
    const r = await rmctl(['apply']);
    expect(r.exitCode, r.stderr).toBe(EXIT.usage);
    expect(r.stderr).toContain('pass --yes');
    const dry = await rmctl(['apply', '--dry-run']);
    expect(dry.exitCode, dry.stderr).toBe(EXIT.ok);
    expect(dry.stderr).toContain('+++ ');
    expect(dry.stderr).toContain('dry run: nothing changed');
    expect(existsSync(target)).toBe(false);
  });

  it('two applies at once: the second fails clearly (or waits with --lock-wait); the first completes', async () => {
    await applyOk(['apply', '--yes']);
    await commitModels(repo, ['qwen2.5:7b', 'llama3.1:8b'], 'add llama');
    writeFileSync(join(standin.stateDir, 'block-restart'), '');
    const first = rmctl(['apply', '--backup', '--yes']);
    await waitFor(() => existsSync(join(standin.stateDir, 'blocked-restart')), 'the first apply to reach its restart');

    const second = await rmctl(['apply', '--backup', '--yes']);
    expect(second.exitCode, second.stderr).toBe(EXIT.operational);
    expect(second.stderr).toMatch(/another apply holds .*\.litellm\.yaml\.rmctl\.lock: pid \d+/);
    expect(second.stderr).toContain('nothing was changed');

    const waiting = rmctl(['apply', '--backup', '--yes', '--lock-wait', '60']);
    rmSync(join(standin.stateDir, 'block-restart'));
    const firstResult = await first;
    expect(firstResult.exitCode, firstResult.stderr).toBe(EXIT.ok);
    const waited = await waiting;
    expect(waited.exitCode, waited.stderr).toBe(EXIT.ok);
    expect(await models()).toEqual(['llama3.1:8b', 'rainymodel/auto']);
  });

  it('an apply killed in the middle: the deployed file is old or new, never a mix; the next apply recovers', async () => {
    await applyOk(['apply', '--yes']);
    const old = readFileSync(target, 'utf8');
    await commitModels(repo, ['qwen2.5:7b', 'llama3.1:8b'], 'add llama');
    writeFileSync(join(standin.stateDir, 'block-restart'), '');
    const victim = rmctl(['apply', '--backup', '--yes']);
    await waitFor(() => existsSync(join(standin.stateDir, 'blocked-restart')), 'the apply to reach its restart');
    victim.kill('SIGKILL');
    await victim;
    // The blocked systemctl the killed apply left behind is ours to stop too.
    process.kill(Number(readFileSync(join(standin.stateDir, 'blocked-restart'), 'utf8')), 'SIGKILL');
    rmSync(join(standin.stateDir, 'block-restart'));
    rmSync(join(standin.stateDir, 'blocked-restart'));

    const after = readFileSync(target, 'utf8');
    expect(after).not.toBe(old); // killed after the write (the restart was blocked): the new file, whole
    expect(after).toContain('llama3.1:8b');
    expect(existsSync(lockPathFor(target))).toBe(true);
    // The service still runs the old config: the killed apply never restarted it.
    expect(await models()).toEqual(['rainymodel/auto']);

    const next = await rmctl(['apply', '--backup', '--yes']);
    expect(next.exitCode, next.stderr).toBe(EXIT.ok);
    expect(next.stderr).toMatch(/was killed before it finished: restarting and verifying again/);
    expect(next.stderr).toMatch(/recovered a stale lock of pid \d+/);
    expect(await models()).toEqual(['llama3.1:8b', 'rainymodel/auto']);
    expect(existsSync(lockPathFor(target))).toBe(false);
  });

  it('killed at arbitrary moments: never a partial file, never a stuck lock', async () => {
    await applyOk(['apply', '--yes']);
    let flip = false;
    // No timing assertion: whatever moment each kill hits, the file must be one of two whole configs.
    for (const delay of [100, 350, 600, 850, 1100]) {
      flip = !flip;
      await commitModels(repo, flip ? ['qwen2.5:7b', 'llama3.1:8b'] : ['qwen2.5:7b'], `flip ${delay}`);
      const allowed = [readFileSync(target, 'utf8'), await expectedText()];
      const victim = rmctl(['apply', '--backup', '--yes']);
      await new Promise((r) => setTimeout(r, delay));
      victim.kill('SIGKILL');
      await victim;
      expect(allowed).toContain(readFileSync(target, 'utf8'));
    }
    const final = await rmctl(['apply', '--backup', '--yes']);
    expect(final.exitCode, final.stderr).toBe(EXIT.ok);
    expect(existsSync(lockPathFor(target))).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe(await expectedText());
  });
});

describe('rmctl apply interrupted', () => {
  /** An apply whose verification is waiting (its restart ignored: the old process keeps answering). */
  async function applyWaitingInVerify(): Promise<{ child: ReturnType<typeof rmctl>; stderr: () => string; before: string }> {
    await applyOk(['apply', '--yes']);
    const before = readFileSync(target, 'utf8');
    await commitModels(repo, ['qwen2.5:7b', 'llama3.1:8b'], 'add llama');
    writeFileSync(join(standin.stateDir, 'noop-restart'), '');
    const child = rmctl(['apply', '--backup', '--yes']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitFor(() => /waiting for .*not yet/.test(stderr), 'verification to say what it waits for');
    rmSync(join(standin.stateDir, 'noop-restart'));
    return { child, stderr: () => stderr, before };
  }

  it('SIGTERM while verifying: the previous config is restored and restarted, recorded, the lock released', async () => {
    const { child, before } = await applyWaitingInVerify();
    child.kill('SIGTERM');
    const r = await child;
    expect(r.exitCode, r.stderr).toBe(EXIT.operational);
    expect(r.stderr).toContain('SIGTERM: stopping; what this apply changed is put back before it exits');
    expect(r.stderr).toMatch(/FAIL verify .*interrupted by SIGTERM while verifying/);
    expect(r.stderr).toMatch(/ok {3}restart \(rollback\)/);
    expect(r.stderr).toContain('rolled back: the previous config is serving again');
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(await models()).toEqual(['rainymodel/auto']);
    expect(existsSync(lockPathFor(target))).toBe(false);
    const audit = readFileSync(join(repo, '.rmctl', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit.at(-1)).toMatchObject({ outcome: 'rolled-back', exit_code: 2, error: 'interrupted by SIGTERM while verifying' });
    // The retry deploys the new config; its backup is the restored, verified config, which latest then takes.
    await applyOk();
    const latest = JSON.parse((await rmctl(['backups', '--format', 'json'])).stdout) as { backups: Array<{ file: string; verified: boolean }> };
    expect(readFileSync(latest.backups[0]?.file as string, 'utf8')).toBe(before);
    expect(latest.backups[0]?.verified).toBe(true);
  });

  it('a second signal exits at once; the lock it leaves makes the next apply restart and verify again', async () => {
    const { child } = await applyWaitingInVerify();
    // Hold the rollback's restart, so the second signal comes while the first one is being handled.
    writeFileSync(join(standin.stateDir, 'block-restart'), '');
    child.kill('SIGTERM');
    await waitFor(() => existsSync(join(standin.stateDir, 'blocked-restart')), "the rollback's restart");
    child.kill('SIGTERM');
    const r = await child;
    expect(r.exitCode, r.stderr).toBe(EXIT.rollbackFailed);
    expect(r.stderr).toContain('SIGTERM again: exiting now.');
    expect(existsSync(lockPathFor(target))).toBe(true);
    rmSync(join(standin.stateDir, 'block-restart'));
    await waitFor(() => !existsSync(join(standin.stateDir, 'blocked-restart')) || standin.pidOf(SERVICE) !== undefined, 'the held restart to finish');
    const next = await rmctl(['apply', '--backup', '--yes']);
    expect(next.exitCode, next.stderr).toBe(EXIT.ok);
    expect(next.stderr).toMatch(/recovered a stale lock of pid \d+/);
    expect(await models()).toEqual(['llama3.1:8b', 'rainymodel/auto']);
    expect(existsSync(lockPathFor(target))).toBe(false);
  });
});

/** The text apply would deploy for the repo's current sources (what a finished apply writes). */
async function expectedText(): Promise<string> {
  const r = await rmctl(['generate', '--stdout', '--providers', 'providers/providers.yaml', '--mappings', 'mappings/model-mappings.yaml']);
  const c = candidateFromCompiled(r.stdout, { file: 'x', env, origin: 'x', sourcesCommit: null });
  return c.candidate?.text ?? '';
}

describe('rmctl rollback', () => {
  it('to a commit: deploys that commit\'s sources without touching the working tree, backup first; then --backup latest', async () => {
    const c1 = await git(repo, 'rev-parse', 'HEAD');
    await commitModels(repo, ['qwen2.5:7b', 'llama3.1:8b'], 'add llama');
    await applyOk();
    const providersNow = readFileSync(join(repo, 'providers', 'providers.yaml'), 'utf8');
    const deployedC2 = readFileSync(target, 'utf8');

    const r = await rmctl(['rollback', c1.slice(0, 8), '--yes']);
    expect(r.stderr).toContain(`sources at ${c1.slice(0, 12)}`);
    expect(r.exitCode, r.stderr).toBe(EXIT.ok);
    expect(await models()).toEqual(['rainymodel/auto']);
    expect(readFileSync(join(repo, 'providers', 'providers.yaml'), 'utf8')).toBe(providersNow);
    expect(await git(repo, 'status', '--porcelain', '--', 'providers', 'mappings')).toBe('');
    const list = await new BackupStore(join(repo, '.rmctl', 'backups')).list(target);
    expect(list[0]?.reason).toBe(`rollback to ${c1.slice(0, 12)} (sources)`);
    expect(readFileSync(list[0]?.file as string, 'utf8')).toBe(deployedC2);

    // The backup holds what C2's apply deployed, and says so.
    const c2 = await git(repo, 'rev-parse', 'HEAD');
    expect(list[0]?.sources_commit).toBe(c2);

    const back = await rmctl(['rollback', '--backup', 'latest', '--yes']);
    expect(back.exitCode, back.stderr).toBe(EXIT.ok);
    expect(readFileSync(target, 'utf8')).toBe(deployedC2);
    expect(await models()).toEqual(['llama3.1:8b', 'rainymodel/auto']);
    // The audit record of the restore names the commit of the restored config.
    const audit = readFileSync(join(repo, '.rmctl', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { outcome: string; sources_commit: string | null });
    expect(audit.at(-1)).toMatchObject({ outcome: 'applied', sources_commit: c2 });
  });

  it('to the compiled file of a commit (--compiled)', async () => {
    await applyOk(['apply', '--yes']);
    mkdirSync(join(repo, 'generated'));
    const gen = await rmctl(['generate']);
    expect(gen.exitCode, gen.stderr).toBe(0);
    await git(repo, 'add', 'generated');
    await git(repo, 'commit', '-q', '-m', 'generated');
    const withGenerated = await git(repo, 'rev-parse', 'HEAD');
    await commitModels(repo, ['qwen2.5:7b', 'llama3.1:8b'], 'add llama');
    await applyOk();
    const r = await rmctl(['rollback', withGenerated, '--compiled', '--yes']);
    expect(r.exitCode, r.stderr).toBe(EXIT.ok);
    expect(await models()).toEqual(['rainymodel/auto']);
  });

  it('bad commits: a clear error and nothing changed', async () => {
    await applyOk(['apply', '--yes']);
    const deployed = readFileSync(target, 'utf8');
    const calls = standin.calls().length;

    const unknown = await rmctl(['rollback', 'deadbeefdeadbeef', '--yes']);
    expect(unknown.exitCode, unknown.stderr).toBe(EXIT.operational);
    expect(unknown.stderr).toContain('rollback: unknown commit "deadbeefdeadbeef"');
    expect(unknown.stderr).toContain('nothing changed');

    const option = await rmctl(['rollback', '--yes', '--', '--output=/tmp/x']);
    expect(option.exitCode, option.stderr).toBe(EXIT.operational);
    expect(option.stderr).toContain('is not a commit');

    // A commit from before the sources existed.
    const emptyTree = await git(repo, 'hash-object', '-t', 'tree', '/dev/null');
    const empty = await git(repo, 'commit-tree', emptyTree, '-m', 'empty');
    const noFiles = await rmctl(['rollback', empty, '--yes']);
    expect(noFiles.exitCode, noFiles.stderr).toBe(EXIT.operational);
    expect(noFiles.stderr).toMatch(/commit [0-9a-f]{12} has no .*providers\/providers\.yaml and no .*mappings\/model-mappings\.yaml/);

    // A commit whose sources no longer validate.
    writeFileSync(join(repo, 'mappings', 'model-mappings.yaml'), MAPPINGS.replace('provider: ollama_local', 'provider: ollama_gone'));
    await git(repo, 'commit', '-q', '-am', 'broken mapping');
    const broken = await git(repo, 'rev-parse', 'HEAD');
    const invalid = await rmctl(['rollback', broken, '--yes']);
    expect(invalid.exitCode, invalid.stderr).toBe(EXIT.invalid);
    expect(invalid.stderr).toContain(`mappings/model-mappings.yaml@${broken.slice(0, 12)}`);
    expect(invalid.stderr).toContain('does not validate; nothing deployed');

    const badBackup = await rmctl(['rollback', '--backup', 'nope', '--yes']);
    expect(badBackup.exitCode, badBackup.stderr).toBe(EXIT.operational);
    expect(badBackup.stderr).toContain(`no backups of ${target} in`);

    expect(readFileSync(target, 'utf8')).toBe(deployed);
    expect(standin.calls()).toHaveLength(calls);
    expect(await new BackupStore(join(repo, '.rmctl', 'backups')).listAll()).toEqual([]);
    // Every refused rollback is in the audit log, as one that changed nothing.
    const audit = readFileSync(join(repo, '.rmctl', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const refused = audit.filter((a) => a.outcome === 'refused');
    expect(refused.map((a) => a.exit_code)).toEqual([2, 2, 2, 1, 2]);
    expect(refused[0]).toMatchObject({ command: 'rollback deadbeefdeadbeef --yes', error: expect.stringContaining('unknown commit'), target });
    for (const a of refused) expect(a.sha256_after).toBe(a.sha256_before);
  });
});

describe('rmctl backups', () => {
  it('retention keeps the newest keep_backups; listed newest first', async () => {
    await applyOk(['apply', '--yes']);
    const sets = [['qwen2.5:7b', 'a:1'], ['qwen2.5:7b', 'b:1'], ['qwen2.5:7b', 'c:1']];
    for (const [i, models_] of sets.entries()) {
      await commitModels(repo, models_, `step ${i}`);
      await applyOk();
    }
    const text = await rmctl(['backups']);
    expect(text.exitCode, text.stderr).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID +CREATED +SHA256 +COMMIT +BYTES +VERIFIED +REASON +TARGET$/);
    expect(lines).toHaveLength(3);
    const json = JSON.parse((await rmctl(['backups', '--format', 'json'])).stdout) as { backups: Array<{ id: string; file: string }> };
    expect(json.backups).toHaveLength(2);
    expect(at(json.backups, 0).id > at(json.backups, 1).id).toBe(true);
    // The newest backup is the config deployed just before the last apply (b:1).
    expect(readFileSync(at(json.backups, 0).file, 'utf8')).toContain('b:1');
    // Another target sharing the backup directory: listed only when asked for, and not pruned by our applies.
    const store = new BackupStore(join(repo, '.rmctl', 'backups'));
    await store.create('other: {}\n', { target: join(root, 'deployed', 'staging.yaml'), sourcesCommit: null, reason: 'apply', now: new Date('2099-01-01T00:00:00Z') });
    await commitModels(repo, ['qwen2.5:7b', 'd:1'], 'step d');
    await applyOk();
    const mine = JSON.parse((await rmctl(['backups', '--format', 'json'])).stdout) as { backups: Array<{ target: string }> };
    expect(mine.backups.map((b) => b.target)).toEqual([target, target]);
    const all = JSON.parse((await rmctl(['backups', '--all-targets', '--format', 'json'])).stdout) as { backups: Array<{ target: string }> };
    expect(all.backups.map((b) => b.target)).toEqual([join(root, 'deployed', 'staging.yaml'), target, target]);
    const latest = await rmctl(['rollback', '--backup', 'latest', '--dry-run']);
    expect(latest.stderr, latest.stderr).toContain('c:1');
  });
});
