// The program factory: what loads when, usage errors (exit 64), and options that exclude each other.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/cli/command-list.js';
import { CliContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/program.js';
import { ROOT, rmctlInProcess } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rmctl-program-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

function spyOnLoaders(): Record<string, ReturnType<typeof vi.fn>> {
  const spies: Record<string, ReturnType<typeof vi.fn>> = {};
  for (const [name, entry] of Object.entries(COMMANDS)) spies[name] = vi.spyOn(entry, 'load');
  return spies;
}

describe('which command modules load', () => {
  it.each([['--version'], ['-V'], ['--help'], ['help'], []])('rmctl %s loads none', async (...args: string[]) => {
    const spies = spyOnLoaders();
    const r = await rmctlInProcess(dir, args);
    expect(r.code).toBe(args.length === 0 ? 64 : 0);
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
  });

  it('a mistyped command loads none and suggests the right one', async () => {
    const spies = spyOnLoaders();
    const r = await rmctlInProcess(dir, ['valdate']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('(Did you mean validate?)');
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
  });

  it('a command loads only its own module (also for `help <command>`)', async () => {
    const spies = spyOnLoaders();
    const r = await rmctlInProcess(dir, ['help', 'generate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--check');
    expect(Object.entries(spies).filter(([, s]) => s.mock.calls.length > 0).map(([n]) => n)).toEqual(['generate']);
  });

  it('the help lists every command with the summary its module would show', async () => {
    const listed = await buildProgram(new CliContext({ argv: ['--help'], env: {}, cwd: dir, stdout: { write: () => true }, stderr: { write: () => true } }));
    const loaded = await buildProgram(new CliContext({ argv: [], env: {}, cwd: dir, stdout: { write: () => true }, stderr: { write: () => true } }), { loadAll: true });
    const summaries = (p: typeof listed) => p.commands.map((c) => [c.name(), c.description()]);
    expect(summaries(listed)).toEqual(summaries(loaded));
    expect(summaries(listed).map(([n]) => n)).toEqual(Object.keys(COMMANDS));
  });
});

describe('usage errors exit 64 with a message naming the option', () => {
  it('serve --log-level verbose', async () => {
    const r = await rmctlInProcess(dir, ['serve', '--log-level', 'verbose']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("option '--log-level <level>' argument 'verbose' is invalid. Allowed choices are fatal, error, warn, info, debug, trace, silent.");
  });

  it.each([
    [['--port', '70000'], "option '-p, --port <port>' argument '70000' is invalid. Expected an integer 0-65535."],
    [['--port', ''], "option '-p, --port <port>' argument '' is invalid."],
    [['--drain-timeout', 'soon'], "option '--drain-timeout <seconds>' argument 'soon' is invalid. Expected a number of seconds"],
  ])('serve %j', async (args, message) => {
    const r = await rmctlInProcess(dir, ['serve', ...args]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(message);
  });

  it('generate --check --stdout: refused (a check compares with --out, --stdout writes nothing to compare)', async () => {
    const r = await rmctlInProcess(ROOT, ['generate', '--check', '--stdout']);
    expect(r).toEqual({ code: 64, stdout: '', stderr: "error: option '--stdout' cannot be used with option '--check'\n(run `rmctl --help` for usage)\n" });
  });
});
