// The service behind the deployed file, driven through systemctl (the hand step of every runbook:
// `systemctl --user restart litellm.service`). Behind an interface so the transaction does not care how.
import { execa } from 'execa';
import { RainyModelError } from '../shared/errors.js';

export type ServiceAction = 'start' | 'stop' | 'restart' | 'reload';

export interface ServiceResult {
  command: string;
  exitCode: number;
  stderr: string;
}

export interface ServiceState {
  /** systemd's LoadState: `loaded`, `not-found`, `masked`, ... */
  load: string;
  /** systemd's ActiveState: `active`, `inactive`, `failed`, `activating`, ... */
  active: string;
}

export interface ServiceManager {
  /** The unit's name (`rainymodel.service`). */
  readonly unit: string;
  /** The command line, for step lines and errors (`systemctl --user restart litellm.service`). */
  describe(action: ServiceAction): string;
  run(action: ServiceAction): Promise<ServiceResult>;
  /** Whether the unit exists and runs, asked before anything changes. */
  state(): Promise<ServiceState>;
  /** The commands that install the unit, for the message when it does not exist. */
  installHint(target: string): string;
}

export interface SystemctlOptions {
  name: string;
  scope: 'user' | 'system';
  /** Environment for systemctl (PATH decides which systemctl runs). */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export class SystemctlService implements ServiceManager {
  constructor(private readonly options: SystemctlOptions) {}

  get unit(): string {
    return this.options.name;
  }

  private args(action: ServiceAction): string[] {
    return [...(this.options.scope === 'user' ? ['--user'] : []), action, this.options.name];
  }

  describe(action: ServiceAction): string {
    return ['systemctl', ...this.args(action)].join(' ');
  }

  async state(): Promise<ServiceState> {
    const args = [...(this.options.scope === 'user' ? ['--user'] : []), 'show', '--property=LoadState,ActiveState', this.options.name];
    const result = await this.exec(args);
    if (result.failed) throw this.failure(`systemctl ${args.join(' ')}`, result);
    const values = new Map(
      String(result.stdout ?? '')
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()] as const),
    );
    return { load: values.get('LoadState') ?? 'unknown', active: values.get('ActiveState') ?? 'unknown' };
  }

  installHint(target: string): string {
    const name = this.options.name;
    if (this.options.scope === 'user') {
      return (
        `rmctl systemd-unit --config ${target} > ~/.config/systemd/user/${name} && ` +
        `systemctl --user daemon-reload && systemctl --user enable ${name}; then run apply again (it starts the service)`
      );
    }
    return (
      `rmctl systemd-unit --system --config ${target} | sudo tee /etc/systemd/system/${name} && ` +
      `sudo systemctl daemon-reload && sudo systemctl enable ${name}; then run apply again (it starts the service)`
    );
  }

  private exec(args: string[]) {
    return execa('systemctl', args, {
      reject: false,
      timeout: this.options.timeoutMs ?? 120_000,
      ...(this.options.env ? { env: this.options.env, extendEnv: false } : {}),
      stdin: 'ignore',
    });
  }

  private failure(command: string, result: Awaited<ReturnType<SystemctlService['exec']>>): RainyModelError {
    const stderr = String(result.stderr ?? '').trim();
    const code = (result.cause as NodeJS.ErrnoException | undefined)?.code;
    const why =
      code === 'ENOENT'
        ? 'systemctl not found on PATH'
        : result.timedOut
          ? `timed out after ${Math.round((this.options.timeoutMs ?? 120_000) / 1000)} s`
          : `exited ${result.exitCode ?? result.signal ?? '?'}${stderr ? `: ${stderr}` : ''}`;
    return new RainyModelError('deploy/service', `${command}: ${why}`, { cause: result });
  }

  async run(action: ServiceAction): Promise<ServiceResult> {
    const command = this.describe(action);
    const result = await this.exec(this.args(action));
    if (result.failed) throw this.failure(command, result);
    return { command, exitCode: result.exitCode ?? 0, stderr: String(result.stderr ?? '').trim() };
  }
}
