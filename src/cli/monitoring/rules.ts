// The Prometheus rule file `rmctl monitoring` writes: one group, one alerting rule per AlertSpec, with the
// thresholds in force written into a header so a reader sees which numbers the file was made with.
import { stringify } from 'yaml';
import { ALERTS, percent, type AlertSpec, type AlertSetting } from './alerts.js';
import type { Settings } from './thresholds.js';

export const RULE_GROUP = 'rainymodel';

export function thresholdText(spec: AlertSpec, s: AlertSetting): string {
  if (spec.unit === 'ratio') return percent(s.threshold);
  if (spec.unit === 'seconds') return `${s.threshold}s`;
  if (spec.unit === 'per-minute') return `${s.threshold}/min`;
  return 'state';
}

export interface RuleDocument {
  groups: Array<{ name: string; rules: Array<{ alert: string; expr: string; for: string; labels: Record<string, string>; annotations: Record<string, string> }> }>;
}

export function buildRules(settings: Settings, sel: string): RuleDocument {
  return {
    groups: [
      {
        name: RULE_GROUP,
        rules: ALERTS.map((spec) => {
          const s = settings[spec.key];
          return {
            alert: spec.alert,
            expr: spec.expr(s, sel),
            for: s.for,
            labels: { severity: spec.severity, rainymodel_alert: spec.key },
            annotations: { summary: spec.summary(s), description: spec.description(s), action: spec.action },
          };
        }),
      },
    ],
  };
}

export function rulesText(settings: Settings, sel: string): string {
  const header = [
    '# Prometheus alerting rules for rmctl serve, written by `rmctl monitoring` (regenerate rather than edit).',
    `# Selector: {${sel}}`,
    '# Thresholds (override with --threshold NAME=VALUE, --for NAME=DURATION, --window NAME=DURATION):',
    ...ALERTS.map((spec) => {
      const s = settings[spec.key];
      return `#   ${spec.key.padEnd(22)} ${thresholdText(spec, s).padEnd(8)} for ${s.for.padEnd(4)} window ${s.window}`;
    }),
  ];
  return `${header.join('\n')}\n${stringify(buildRules(settings, sel), { lineWidth: 0 })}`;
}
