import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { skipUnless } from '../support/skip.js';
import { renderUnit } from '../../src/deploy/systemd-unit.js';
import { removeDir, RMCTL, tempDir } from './support.js';

const which = await execa('which', ['systemd-analyze'], { reject: false });
const analyze = which.exitCode === 0 ? which.stdout.trim() : undefined;
if (!analyze) {
  // Visible in the test output: the verify cases below are skipped, not passed.
  process.stderr.write('systemd-unit tests: systemd-analyze not found (Debian package "systemd"); skipping `systemd-analyze verify`\n');
}

const dir = tempDir();
afterAll(() => removeDir(dir));

async function verify(unit: string, name: string): Promise<{ exitCode: number; stderr: string }> {
  const file = join(dir, name);
  writeFileSync(file, unit);
  // Always the system manager's verify: `--user` needs a user session (XDG_RUNTIME_DIR), which CI lacks; the
  // unit syntax and directive checks are the same.
  const r = await execa(analyze as string, ['verify', file], { reject: false });
  return { exitCode: r.exitCode ?? 1, stderr: String(r.stderr) };
}

describe('rmctl systemd-unit', () => {
  it('prints a unit with ExecReload, a restart policy and hardening', async () => {
    const r = await execa(process.execPath, [RMCTL, 'systemd-unit', '--config', '/etc/rainymodel/litellm.yaml', '--port', '4000', '--system', '--environment-file', '/etc/rainymodel/env']);
    expect(r.stdout).toContain(`ExecStart=${process.execPath} ${RMCTL} serve --config /etc/rainymodel/litellm.yaml --port 4000 --drain-timeout 30`);
    expect(r.stdout).toContain('ExecReload=/bin/kill -HUP $MAINPID');
    // systemd waits longer than the drain before it kills.
    expect(r.stdout).toContain('TimeoutStopSec=45');
    expect(r.stdout).toContain('Restart=on-failure');
    expect(r.stdout).toContain('EnvironmentFile=-/etc/rainymodel/env');
    expect(r.stdout).toContain('ProtectSystem=strict');
    expect(r.stdout).toContain('WantedBy=multi-user.target');
    expect(r.stdout).not.toContain('MemoryDenyWriteExecute=');
  });

  it('needs a config path', async () => {
    const r = await execa(process.execPath, [RMCTL, 'systemd-unit'], { reject: false, cwd: dir });
    expect(r.exitCode).toBe(64);
    expect(r.stderr).toContain('pass --config FILE');
  });

  it('quotes arguments with spaces and escapes % and $ for systemd', () => {
    const unit = renderUnit({ node: '/usr/bin/node', rmctl: '/opt/rainy model/bin/rmctl', config: '/etc/rm/100%.yaml', port: 4000, scope: 'user' });
    expect(unit).toContain('ExecStart=/usr/bin/node "/opt/rainy model/bin/rmctl" serve --config /etc/rm/100%%.yaml --port 4000 --drain-timeout 30');
  });

  it('--drain-timeout goes to rmctl serve, and TimeoutStopSec stays 15 s longer', async () => {
    const r = await execa(process.execPath, [RMCTL, 'systemd-unit', '--config', '/etc/rainymodel/litellm.yaml', '--drain-timeout', '120']);
    expect(r.stdout).toContain('--port 4000 --drain-timeout 120\n');
    expect(r.stdout).toContain('TimeoutStopSec=135\n');
    const bad = await execa(process.execPath, [RMCTL, 'systemd-unit', '--config', '/etc/rainymodel/litellm.yaml', '--drain-timeout', 'soon'], { reject: false });
    expect(bad.exitCode).toBe(64);
    expect(bad.stderr).toContain('drain timeout must be a number');
  });

  it('system unit passes systemd-analyze verify with no warnings', skipUnless(Boolean(analyze), 'systemd-analyze not found (Debian package "systemd")'), async () => {
    const r = await execa(process.execPath, [RMCTL, 'systemd-unit', '--system', '--config', '/etc/rainymodel/litellm.yaml', '--run-as', 'rainymodel', '--environment-file', '/etc/rainymodel/env']);
    const v = await verify(r.stdout, 'rainymodel.service');
    expect(v.stderr).toBe('');
    expect(v.exitCode).toBe(0);
    const dynamic = await execa(process.execPath, [RMCTL, 'systemd-unit', '--system', '--config', '/etc/rainymodel/litellm.yaml']);
    expect(await verify(dynamic.stdout, 'rainymodel-dynamic.service')).toEqual({ exitCode: 0, stderr: '' });
  });

  it('user unit passes systemd-analyze verify with no warnings', skipUnless(Boolean(analyze), 'systemd-analyze not found (Debian package "systemd")'), async () => {
    const r = await execa(process.execPath, [RMCTL, 'systemd-unit', '--user', '--config', join(dir, 'litellm.yaml'), '--port', '4001', '--host', '127.0.0.1']);
    expect(await verify(r.stdout, 'rainymodel-user.service')).toEqual({ exitCode: 0, stderr: '' });
  });

  it('a broken unit does fail the check (the check is real)', skipUnless(Boolean(analyze), 'systemd-analyze not found (Debian package "systemd")'), async () => {
    const v = await verify('[Service]\nExecStart=relative/path\nBogusKey=1\n', 'broken.service');
    expect(v.stderr).not.toBe('');
  });
});
