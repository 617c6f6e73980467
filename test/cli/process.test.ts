// The real launcher (bin/rmctl -> dist/) as a child process: what only a process shows (pipes closed
// early, the entry point an install runs) and serve's start-up errors.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RMCTL, ROOT, rmctlProcess } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rmctl-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the launcher', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await rmctlProcess(dir, ['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('validate of the project example: exit 0, the summary on stderr', async () => {
    const r = await rmctlProcess(ROOT, ['validate']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/valid: 0 errors, \d+ warnings, \d+ info\n$/);
  });

  it('a reader that goes away (`| head -1`): no EPIPE stack trace, the exit code of the check', async () => {
    const ok = await rmctlProcess(ROOT, ['validate', '--format', 'github'], { closeStdout: true });
    expect(ok.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(ok.stderr).toMatch(/^valid: /);
    expect(ok.code).toBe(0);
    const invalid = await rmctlProcess(ROOT, ['validate', '--format', 'github', '--strict'], { closeStdout: true });
    expect(invalid.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(invalid.code).toBe(1);
  });
});

describe('rmctl serve start-up errors: one line each, with the fix', () => {
  it('an unset master key: the variable and an export hint, once, no :0:0', async () => {
    const file = join(dir, 'master.yaml');
    writeFileSync(file, 'model_list:\n  - {model_name: g, litellm_params: {model: openai/x, api_base: "http://127.0.0.1:9"}}\ngeneral_settings: {master_key: os.environ/RM_TEST_UNSET_MASTER}\n');
    const r = await rmctlProcess(dir, ['serve', '-c', 'master.yaml', '-p', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'master.yaml error serve/config /general_settings/master_key references environment variable RM_TEST_UNSET_MASTER, which is not set\n' +
        "    fix: export RM_TEST_UNSET_MASTER=... before rmctl serve (in the service's environment file when systemd runs it)\n",
    );
  });

  it('no compiled file: run rmctl generate', async () => {
    const r = await rmctlProcess(dir, ['serve', '-p', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('generated/litellm-unified.yaml error file/unreadable compiled config not found\n    fix: run `rmctl generate` to write it, or pass the compiled file with -c FILE\n');
  });

  it('a sources file given as -c: says it is a sources file and how to compile it', async () => {
    const r = await rmctlProcess(ROOT, ['serve', '-c', 'providers/providers.yaml', '-p', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('providers/providers.yaml error serve/sources-file this is a sources file');
    expect(r.stderr).toContain('fix: compile the sources with `rmctl generate` and serve the result');
    expect(r.stderr).not.toContain('model_list');
  });
});

describe('rmctl serve start-up warnings', () => {
  it("the example without provider keys: one grouped config_warning line, not one per deployment", async () => {
    const child = spawn(process.execPath, [RMCTL, 'serve', '-p', '0'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', RAINYMODEL_MASTER_KEY: 'sk-test-master' } });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const lines: Array<Record<string, unknown>> = [];
    let buf = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
          const line = JSON.parse(buf.slice(0, i)) as Record<string, unknown>;
          buf = buf.slice(i + 1);
          lines.push(line);
          if (line.event === 'listening') resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`rmctl serve exited (${code}) before listening`)));
    });
    child.kill('SIGTERM');
    await exited;
    const warnings = lines.filter((l) => l.event === 'config_warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/^\d+ of \d+ deployments disabled: environment variables not set: HF_TOKEN \(3\), /);
    expect(Object.keys(warnings[0]?.unset as object)).toContain('OPENAI_API_KEY');
  });
});
