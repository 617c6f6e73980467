// rmctl systemd-unit: prints a unit file for `rmctl serve` (stdout), ready for systemctl and apply --reload.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { resolveSettings } from '../../deploy/settings.js';
import { renderUnit } from '../../deploy/systemd-unit.js';
import { EXIT } from '../../shared/errors.js';
import { packagePath } from '../../shared/package-files.js';
import type { CliContext } from '../context.js';
import { printDiagnostics } from '../output.js';

interface UnitFlags {
  settings?: string;
  config?: string;
  port: string;
  host?: string;
  user?: boolean;
  system?: boolean;
  environmentFile?: string;
  runAs?: string;
  workingDirectory?: string;
  node?: string;
  rmctl?: string;
  drainTimeout: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('systemd-unit')
    .option('--settings <file>', 'deploy settings file; deploy.target is the default --config')
    .option('--config <file>', 'the deployed config rmctl serve loads (default deploy.target)')
    .option('--port <port>', 'port rmctl serve listens on', '4000')
    .option('--host <host>', 'address rmctl serve binds')
    .option('--user', 'a user unit, for systemctl --user (default)')
    .option('--system', 'a system unit, with the full sandbox')
    // Not --env-file: Node 20 reads that flag even after the script name and exits when the file is missing.
    .option('--environment-file <file>', 'KEY=value file with provider keys and the master key (EnvironmentFile=)')
    .option('--run-as <user>', 'system units: run as this user (default: DynamicUser=yes)')
    .option('--working-directory <dir>', 'WorkingDirectory=')
    .option('--drain-timeout <seconds>', 'rmctl serve --drain-timeout; TimeoutStopSec= is 15 s longer', '30')
    .option('--node <path>', 'node binary (default: the node running this command)')
    .option('--rmctl <path>', 'rmctl launcher (default: this package\'s bin/rmctl)')
    .action((flags: UnitFlags) => {
      if (flags.user && flags.system) {
        ctx.err('error: --user and --system exclude each other');
        ctx.exitCode = EXIT.usage;
        return;
      }
      const { settings, diagnostics } = resolveSettings(flags.settings ? { settings: flags.settings } : {});
      if (diagnostics.some((d) => d.severity === 'error')) {
        printDiagnostics(diagnostics, 'text', ctx);
        ctx.exitCode = EXIT.invalid;
        return;
      }
      const config = flags.config ? ctx.path(flags.config) : settings.target;
      if (!config) {
        ctx.err('error: no config: pass --config FILE or set deploy.target in rmctl.config.yaml');
        ctx.exitCode = EXIT.usage;
        return;
      }
      const launcher = flags.rmctl ? ctx.path(flags.rmctl) : packagePath('bin/rmctl');
      if (!existsSync(launcher)) ctx.err(`warning: ${launcher} does not exist; pass --rmctl PATH`);
      try {
        ctx.write(
          renderUnit({
            node: flags.node ? ctx.path(flags.node) : process.execPath,
            rmctl: launcher,
            config,
            port: Number(flags.port),
            ...(flags.host ? { host: flags.host } : {}),
            scope: flags.system ? 'system' : 'user',
            ...(flags.environmentFile ? { envFile: ctx.path(flags.environmentFile) } : {}),
            ...(flags.runAs ? { runAs: flags.runAs } : {}),
            ...(flags.workingDirectory ? { workingDirectory: ctx.path(flags.workingDirectory) } : {}),
            drainTimeout: Number(flags.drainTimeout),
          }),
        );
      } catch (err) {
        ctx.err(`error: ${(err as Error).message}`);
        ctx.exitCode = EXIT.usage;
      }
    });
}
