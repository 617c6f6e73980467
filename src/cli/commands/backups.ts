// rmctl backups: the backups apply and rollback took of one target (deploy.target / --target), newest first;
// restore one with rmctl rollback --backup <id>. Targets that share a backup directory are never mixed:
// --all-targets lists every target's backups, each row naming its target.
import type { Command } from 'commander';
import { BackupStore, type BackupEntry } from '../../deploy/backup.js';
import { EXIT } from '../../shared/errors.js';
import type { CliContext } from '../context.js';
import { handleCommandError, reportDiagnostics, settingsFrom, type DeployFlags } from '../deploy-flow.js';

function verifiedLabel(b: BackupEntry): string {
  return b.verified === true ? 'yes' : b.verified === false ? 'NO' : '?';
}

function printTable(ctx: CliContext, list: BackupEntry[]): void {
  const rows = list.map((b) => [
    b.id,
    b.created_at,
    b.sha256.slice(0, 12),
    b.sources_commit ? b.sources_commit.slice(0, 12) + (b.sources_commit.endsWith('+dirty') ? '+dirty' : '') : '-',
    String(b.size),
    verifiedLabel(b),
    b.reason,
    b.target,
  ]);
  const header = ['ID', 'CREATED', 'SHA256', 'COMMIT', 'BYTES', 'VERIFIED', 'REASON', 'TARGET'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ');
  ctx.out(line(header));
  for (const r of rows) ctx.out(line(r));
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('backups')
    .description('list the backups of the deployed config (deploy.target), newest first')
    .option('--settings <file>', 'deploy settings file (default: ./rmctl.config.yaml when present)')
    .option('--target <file>', 'the deployed file whose backups to list (deploy.target)')
    .option('--all-targets', 'list the backups of every target in the backup directory')
    .option('--backup-dir <dir>', 'backup directory (deploy.backup_dir, default .rmctl/backups)')
    .addOption(program.createOption('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: Pick<DeployFlags, 'settings' | 'backupDir' | 'format' | 'target'> & { allTargets?: boolean }) => {
      try {
        const { settings, diagnostics } = settingsFrom(flags);
        if (reportDiagnostics(ctx, diagnostics, flags)) {
          ctx.exitCode = EXIT.invalid;
          return;
        }
        if (!settings.target && !flags.allTargets) {
          ctx.err('error: whose backups? pass --target FILE, set deploy.target in rmctl.config.yaml, or pass --all-targets');
          ctx.exitCode = EXIT.usage;
          return;
        }
        const store = new BackupStore(settings.backupDir);
        const target = flags.allTargets ? null : (settings.target as string);
        const list = target === null ? await store.listAll() : await store.list(target);
        if (flags.format === 'json') {
          ctx.out(JSON.stringify({ dir: settings.backupDir, target, backups: list }, null, 2));
          return;
        }
        if (list.length === 0) {
          ctx.err(`no backups${target === null ? '' : ` of ${target}`} in ${settings.backupDir}`);
          return;
        }
        printTable(ctx, list);
      } catch (err) {
        handleCommandError(ctx, err);
      }
    });
}
