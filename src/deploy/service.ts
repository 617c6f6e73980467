// The service behind the deployed file, driven through systemctl (the hand step of every runbook:
// `systemctl --user restart litellm.service`). Behind an interface so the transaction does not care how.
import { execa } from 'execa';
import { RainyModelError } from '../shared/errors.js';

export type ServiceAction = 'restart' | 'reload';

export interface ServiceResult {
  command: string;
  exitCode: number;
  stderr: string;
}

export interface ServiceManager {
  /** The command line, for step lines and errors (`systemctl --user restart litellm.service`). */
  describe(action: ServiceAction): string;
  run(action: ServiceAction): Promise<ServiceResult>;
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

  private args(action: ServiceAction): string[] {
    return [...(this.options.scope === 'user' ? ['--user'] : []), action, this.options.name];
  }

  describe(action: ServiceAction): string {
    return ['systemctl', ...this.args(action)].join(' ');
  }

  async run(action: ServiceAction): Promise<ServiceResult> {
    const command = this.describe(action);
    const result = await execa('systemctl', this.args(action), {
      reject: false,
      timeout: this.options.timeoutMs ?? 120_000,
      ...(this.options.env ? { env: this.options.env, extendEnv: false } : {}),
      stdin: 'ignore',
    });
    if (result.failed) {
      const stderr = String(result.stderr ?? '').trim();
      const code = (result.cause as NodeJS.ErrnoException | undefined)?.code;
      const why =
        code === 'ENOENT'
          ? 'systemctl not found on PATH'
          : result.timedOut
            ? `timed out after ${Math.round((this.options.timeoutMs ?? 120_000) / 1000)} s`
            : `exited ${result.exitCode ?? result.signal ?? '?'}${stderr ? `: ${stderr}` : ''}`;
      throw new RainyModelError('deploy/service', `${command}: ${why}`, { cause: result });
    }
    return { command, exitCode: result.exitCode ?? 0, stderr: String(result.stderr ?? '').trim() };
  }
}
