// Step 8 of the transaction: after a failure (or an interrupt) that came after the write, put back what was
// there before and say which config is serving. The previous bytes are written back; a service that was
// running is restarted (always a full restart: if the new config wedged the process, a reload may not bring
// it back) and verified; a service this apply had to start is stopped again. On a first deploy there are no
// previous bytes: the new file is removed again (the link it was written through, if any, is kept).
import { unlink } from 'node:fs/promises';
import { EXIT, RainyModelError, wrapError } from '../shared/errors.js';
import { writeFileAtomic, resolveTarget } from './atomic-write.js';
import { verify } from './health.js';
import { parseConfigText, publicModelNames, sha256 } from './plan.js';
import { resolveMasterKey, type Transaction } from './transaction-context.js';

async function putBack(tx: Transaction): Promise<void> {
  const { req, steps } = tx;
  const previous = tx.before;
  if (previous === null) {
    await steps.run('restore', async () => {
      await unlink(await resolveTarget(req.target)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      return { value: undefined, detail: `nothing was deployed before this apply: removed ${req.target} again` };
    });
    return;
  }
  await steps.run('restore', async () => {
    await writeFileAtomic(req.target, previous);
    return { value: undefined, detail: `previous config put back (sha256 ${sha256(previous).slice(0, 12)})` };
  });
}

/** Restarts a service that was running, stops one this apply started; true when one is running now. */
async function serviceBack(tx: Transaction): Promise<boolean> {
  const { deps, steps } = tx;
  const service = deps.service;
  if (!service) {
    steps.skip('restart (rollback)', 'no service configured');
    return false;
  }
  if (tx.serviceWasActive === false) {
    await steps.run('stop (rollback)', async () => {
      const r = await service.run('stop');
      return { value: r, detail: `${r.command}: it was not running before this apply` };
    });
    return false;
  }
  await steps.run('restart (rollback)', async () => {
    const r = await service.run('restart');
    return { value: r, detail: r.command };
  });
  return true;
}

async function verifyPrevious(tx: Transaction, previous: string): Promise<void> {
  const { req, deps, steps } = tx;
  await steps.run('verify (rollback)', async () => {
    const parsed = parseConfigText(previous);
    const masterKey = resolveMasterKey(previous, deps.env);
    // No canary here: the old config's upstreams are not what this apply is about. No signal either: a
    // first interrupt is what brought us here, and a second one ends the process anyway.
    await verify({
      healthUrl: req.healthUrl,
      baseUrl: req.baseUrl,
      timeoutMs: req.timeoutMs,
      expectedModels: parsed.config ? publicModelNames(parsed.config) : [],
      ...(masterKey ? { masterKey } : {}),
      ...(deps.service ? { expectedSha256: sha256(previous) } : {}),
      ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    });
    return { value: undefined, detail: 'the previous config is serving' };
  });
}

/** Sets result.outcome to rolled-back (exit 2) or, when putting things back failed too, rollback-failed (3). */
export async function rollBack(tx: Transaction): Promise<void> {
  const { result, steps } = tx;
  try {
    await putBack(tx);
    const running = await serviceBack(tx);
    if (tx.before === null) steps.skip('verify (rollback)', 'nothing was serving before this apply');
    else if (tx.deps.service && !running) steps.skip('verify (rollback)', 'the service is stopped again, as it was before this apply');
    else await verifyPrevious(tx, tx.before);
    result.outcome = 'rolled-back';
    result.exitCode = EXIT.operational;
  } catch (err) {
    result.rollbackError = err instanceof RainyModelError ? err : wrapError('deploy/rollback', 'rollback', err);
    result.outcome = 'rollback-failed';
    result.exitCode = EXIT.rollbackFailed;
  }
}
