// `rmctl monitoring --out DIR`: writes Prometheus alert rules and a Grafana dashboard for the metrics
// `rmctl serve` exports, with the operators' thresholds (overridable per alert).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../../shared/errors.js';
import { ALERTS } from '../monitoring/alerts.js';
import { buildDashboard } from '../monitoring/dashboard.js';
import { rulesText, thresholdText } from '../monitoring/rules.js';
import { applyOverrides, checkSelector, UsageError } from '../monitoring/thresholds.js';
import type { CliContext } from '../context.js';

export const RULES_FILE = 'rainymodel-alerts.yml';
export const DASHBOARD_FILE = 'rainymodel-dashboard.json';

interface MonitoringOptions {
  out: string;
  selector: string;
  threshold: string[];
  for: string[];
  window: string[];
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function register(program: Command, ctx: CliContext): void {
  program
    .command('monitoring')
    .description('write Prometheus alert rules and a Grafana dashboard for the metrics rmctl serve exports')
    .requiredOption('--out <dir>', `directory to write ${RULES_FILE} and ${DASHBOARD_FILE} into (created if missing)`)
    .option('--selector <matchers>', 'label matchers every query carries (the scrape job of rmctl serve)', 'job="rainymodel"')
    .option('--threshold <name=value>', `override a threshold, repeatable (names: ${ALERTS.filter((a) => a.unit !== 'none').map((a) => a.key).join(', ')})`, collect, [])
    .option('--for <name=duration>', 'override how long a condition must hold, repeatable (e.g. success-ratio=15m)', collect, [])
    .option('--window <name=duration>', 'override the rate window of an alert, repeatable (e.g. error-rate=10m)', collect, [])
    .action((opts: MonitoringOptions) => {
      let settings;
      let sel;
      try {
        settings = applyOverrides(opts);
        sel = checkSelector(opts.selector);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        ctx.err(`rmctl monitoring: ${err.message}`);
        ctx.exitCode = EXIT.usage;
        return;
      }
      const out = ctx.path(opts.out);
      mkdirSync(out, { recursive: true });
      const rulesPath = join(out, RULES_FILE);
      const dashboardPath = join(out, DASHBOARD_FILE);
      writeFileSync(rulesPath, rulesText(settings, sel));
      writeFileSync(dashboardPath, `${JSON.stringify(buildDashboard(settings, sel), null, 2)}\n`);
      for (const spec of ALERTS) {
        const s = settings[spec.key];
        ctx.err(`  ${spec.alert.padEnd(34)} ${thresholdText(spec, s).padEnd(8)} for ${s.for}`);
      }
      ctx.err(`wrote ${rulesPath} (check: promtool check rules ${rulesPath}) and ${dashboardPath} (Grafana: Dashboards > Import)`);
    });
}
