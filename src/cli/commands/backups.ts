// rmctl backups: the backups apply and rollback took, newest first (restore one: rmctl rollback --backup <id>).
import { Option, type Command } from 'commander';
import { BackupStore } from '../../deploy/backup.js';
import { EXIT } from '../../shared/errors.js';
import { stdio } from '../output.js';
import { handleCommandError, reportDiagnostics, settingsFrom, type DeployFlags } from './apply.js';

export function register(program: Command): void {
  program
    .command('backups')
    .description('list the backups of the deployed config, newest first')
    .option('--settings <file>', 'deploy settings file (default: ./rmctl.config.yaml when present)')
    .option('--backup-dir <dir>', 'backup directory (deploy.backup_dir, default .rmctl/backups)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: Pick<DeployFlags, 'settings' | 'backupDir' | 'format'>) => {
      try {
        const { settings, diagnostics } = settingsFrom(flags);
        if (reportDiagnostics(diagnostics, flags)) {
          process.exitCode = EXIT.invalid;
          return;
        }
        const list = await new BackupStore(settings.backupDir).list();
        if (flags.format === 'json') {
          stdio.out(JSON.stringify({ dir: settings.backupDir, backups: list }, null, 2));
          return;
        }
        if (list.length === 0) {
          stdio.err(`no backups in ${settings.backupDir}`);
          return;
        }
        const rows = list.map((b) => [b.id, b.created_at, b.sha256.slice(0, 12), b.sources_commit ? b.sources_commit.slice(0, 12) + (b.sources_commit.endsWith('+dirty') ? '+dirty' : '') : '-', String(b.size), b.reason, b.target]);
        const header = ['ID', 'CREATED', 'SHA256', 'COMMIT', 'BYTES', 'REASON', 'TARGET'];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
        const line = (r: string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ');
        stdio.out(line(header));
        for (const r of rows) stdio.out(line(r));
      } catch (err) {
        handleCommandError(err);
      }
    });
}
