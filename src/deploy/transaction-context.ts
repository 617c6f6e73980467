// What one apply transaction carries from step to step: the request, its dependencies, the result being
// built, what it found and did so far (the bytes before, whether it wrote, whether the service was running),
// and the step runner that times each step and reports it. Shared by transaction.ts and restore.ts.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RainyModelError, wrapError } from '../shared/errors.js';
import { envValue, osEnvironName } from '../shared/env.js';
import type { BackupEntry, BackupStore } from './backup.js';
import type { Candidate } from './candidate.js';
import type { VerifyReport } from './health.js';
import { parseConfigText, type Plan } from './plan.js';
import type { ServiceManager } from './service.js';

export type StepName =
  | 'plan' | 'lock' | 'backup' | 'write' | 'start' | 'restart' | 'reload' | 'verify'
  | 'restore' | 'restart (rollback)' | 'stop (rollback)' | 'verify (rollback)' | 'audit';

export interface StepEvent {
  step: StepName;
  status: 'ok' | 'failed' | 'skipped';
  ms: number;
  detail: string;
}

/**
 * `written`: no service, nothing answering yet: the file is in place and was not verified (a first deploy
 * before the proxy runs). `refused`: stopped before it took the lock (another apply holds it, a check failed).
 */
export type Outcome = 'applied' | 'written' | 'unchanged' | 'dry-run' | 'declined' | 'refused' | 'failed' | 'rolled-back' | 'rollback-failed';

export interface ApplyRequest {
  candidate: Candidate;
  target: string;
  /** `apply`, `rollback to <commit>`, `rollback to backup <id>`: for backups and the audit log. */
  reason: string;
  /** The command line, recorded in the lock and the audit log. */
  command: string;
  backup: boolean;
  force: boolean;
  dryRun: boolean;
  mode: 'restart' | 'reload';
  healthUrl: string;
  baseUrl: string;
  timeoutMs: number;
  canary?: string;
  lockWaitMs: number;
  /** Asked after the plan is shown; absent means yes (--yes, or the caller decided). */
  confirm?: (plan: Plan) => Promise<boolean>;
  /** Aborted by SIGTERM / Ctrl-C: the apply stops, restores what it changed, and returns. */
  signal?: AbortSignal;
}

export interface ApplyDeps {
  /** Absent: only the file is written (a proxy that watches its file, or a manual restart). */
  service?: ServiceManager;
  backups: BackupStore;
  keepBackups: number;
  auditLog?: string;
  env: Record<string, string | undefined>;
  onStep?: (event: StepEvent) => void;
  onPlan?: (plan: Plan) => void;
  /** What a step that waits (verification) is waiting for, now and then. */
  onProgress?: (message: string) => void;
}

export interface ApplyResult {
  outcome: Outcome;
  exitCode: number;
  target: string;
  plan?: Plan;
  backup?: BackupEntry;
  verify?: VerifyReport;
  error?: RainyModelError;
  rollbackError?: RainyModelError;
  steps: StepEvent[];
  durationMs: number;
  /** Stale lock broken to run (its owner was killed). */
  recoveredLock?: { pid: number; startedAt: string };
}

/** The step runner: times each step, reports it, turns its failure into a RainyModelError. */
export class Steps {
  readonly list: StepEvent[] = [];
  constructor(private readonly onStep?: (event: StepEvent) => void) {}

  async run<T>(name: StepName, fn: () => Promise<{ value: T; detail: string }>): Promise<T> {
    const t0 = Date.now();
    try {
      const { value, detail } = await fn();
      this.report({ step: name, status: 'ok', ms: Date.now() - t0, detail });
      return value;
    } catch (err) {
      const error = err instanceof RainyModelError ? err : wrapError(`deploy/${name.split(' ')[0]}`, name, err);
      this.report({ step: name, status: 'failed', ms: Date.now() - t0, detail: error.message });
      throw error;
    }
  }

  skip(name: StepName, detail: string): void {
    this.report({ step: name, status: 'skipped', ms: 0, detail });
  }

  private report(event: StepEvent): void {
    this.list.push(event);
    this.onStep?.(event);
  }
}

export interface Transaction {
  req: ApplyRequest;
  deps: ApplyDeps;
  steps: Steps;
  result: ApplyResult;
  /** The deployed bytes before this apply (null: nothing deployed). */
  before: string | null;
  /** Whether this apply holds the lock (or did): before that, a failure is a refusal. */
  locked: boolean;
  /** Whether the new bytes were written: from then on a failure means restoring. */
  written: boolean;
  /** Whether the service was running before this apply (undefined without a service). */
  serviceWasActive?: boolean;
}

/** The lock lives next to the deployed file: it guards that file, whichever checkout deploys to it. */
export function lockPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.rmctl.lock`);
}

export async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw wrapError('deploy/read', `cannot read ${path}`, err);
  }
}

export function masterKeyVariable(text: string): string | undefined {
  const key = parseConfigText(text).config?.general_settings?.master_key;
  return typeof key === 'string' ? osEnvironName(key) : undefined;
}

/** `general_settings.master_key` as the proxy will see it: literal, or `os.environ/VAR` from our environment. */
export function resolveMasterKey(text: string, env: Record<string, string | undefined>): string | undefined {
  const key = parseConfigText(text).config?.general_settings?.master_key;
  if (typeof key !== 'string' || key === '') return undefined;
  const variable = osEnvironName(key);
  if (variable !== undefined) return envValue(env, variable);
  if (key.includes('${')) return undefined;
  return key;
}
