// Mutable per-deployment runtime state: circuit breaker, concurrency, rpm/tpm windows, latency.
// Kept in a store keyed by deployment id so a hot reload does not forget which deployments are failing.
//
// The circuit rule (the same with and without Redis; in fleet mode the failures counted are the fleet's):
// a deployment's circuit opens when more than `allowed_fails` failures happened within the last
// FAILURE_WINDOW_MS (a sliding window; successes in between do not reset it), and stays open for
// `cooldown_time`. Then one probe request is let through: a success closes the circuit, a failure opens it
// again at once. Opening clears the failure window. rpm/tpm windows follow limits.ts.
import { SlidingCounter, WeightedMinute } from './limits.js';

export type CircuitState = 'closed' | 'open' | 'half_open';

/** Failures older than this no longer count toward allowed_fails (LiteLLM's per-minute rule). */
export const FAILURE_WINDOW_MS = 60_000;

export class DeploymentState {
  inflight = 0;
  /** Set once the store forgot this deployment: what its in-flight requests still report is dropped. */
  forgotten = false;
  private failTimes: number[] = [];
  private circuit: CircuitState = 'closed';
  private openUntil = 0;
  private probing = false;
  private readonly requests = new SlidingCounter();
  private readonly tokens = new WeightedMinute();
  /** Exponentially weighted latency to first byte, ms; undefined until the first success. */
  latencyMs: number | undefined;
  lastError: string | undefined;
  lastErrorAt = 0;

  /** The circuit as seen now: an expired open circuit reads as half-open (the next request probes). */
  circuitState(now: number): CircuitState {
    if (this.circuit === 'open' && now >= this.openUntil) return 'half_open';
    return this.circuit;
  }

  cooldownRemainingMs(now: number): number {
    return this.circuit === 'open' ? Math.max(0, this.openUntil - now) : 0;
  }

  /** True when a request may be sent now; marks the half-open probe as taken. */
  tryEnter(now: number): boolean {
    const state = this.circuitState(now);
    if (state === 'closed') return true;
    if (state === 'open') return false;
    // Half-open: exactly one probe at a time decides whether the circuit closes.
    if (this.probing) return false;
    this.probing = true;
    this.circuit = 'half_open';
    return true;
  }

  /** A success closes a half-open circuit; it does not erase recent failures (see the rule above). */
  onSuccess(latencyMs: number): void {
    this.circuit = 'closed';
    this.probing = false;
    this.latencyMs = this.latencyMs === undefined ? latencyMs : this.latencyMs * 0.8 + latencyMs * 0.2;
  }

  /** Counts a failure; opens the circuit past `allowedFails` in the window (or at once while probing). */
  onFailure(now: number, reason: string, allowedFails: number, cooldownMs: number): void {
    this.lastError = reason;
    this.lastErrorAt = now;
    const wasProbe = this.probing || this.circuit === 'half_open';
    this.probing = false;
    this.failTimes.push(now);
    for (let oldest = this.failTimes[0]; oldest !== undefined && now - oldest > FAILURE_WINDOW_MS; oldest = this.failTimes[0]) this.failTimes.shift();
    if (wasProbe || this.failTimes.length > allowedFails) this.open(now, cooldownMs);
  }

  /** Opens the circuit for a fixed time (a rejected key, an upstream's Retry-After). */
  openFor(now: number, reason: string, ms: number): void {
    this.lastError = reason;
    this.lastErrorAt = now;
    this.probing = false;
    this.open(now, ms);
  }

  /** A probe that ended without a verdict (client went away, client error) frees the probe slot. */
  releaseProbe(): void {
    this.probing = false;
  }

  /**
   * Fleet mode: another replica cooled this deployment down for `ms` more. Opening it here too keeps every
   * replica off it; failure history is left alone (it is this replica's own evidence).
   */
  applySharedCooldown(now: number, ms: number): void {
    if (ms <= 0 || (this.circuit === 'open' && this.openUntil >= now + ms)) return;
    if (this.circuit !== 'open') {
      this.lastError = 'cooldown shared by the fleet';
      this.lastErrorAt = now;
    }
    this.circuit = 'open';
    this.openUntil = Math.max(this.openUntil, now + ms);
  }

  private open(now: number, ms: number): void {
    this.circuit = 'open';
    this.openUntil = Math.max(this.openUntil, now + ms);
    this.failTimes.length = 0;
  }

  recentFailures(now: number): number {
    let n = 0;
    for (const t of this.failTimes) if (now - t <= FAILURE_WINDOW_MS) n++;
    return n;
  }

  /** Per-deployment rpm/tpm from the config: true when one more request fits the window. */
  hasCapacity(now: number, rpm: number | undefined, tpm: number | undefined): boolean {
    if (rpm !== undefined && this.requests.count(now) >= rpm) return false;
    if (tpm !== undefined && this.tokens.used(now) >= tpm) return false;
    return true;
  }

  countRequest(now: number): void {
    this.requests.add(now);
  }

  countTokens(now: number, tokens: number): void {
    this.tokens.add(now, tokens);
  }

  tokensThisMinute(now: number): number {
    return this.tokens.used(now);
  }

  /** Ms until one more request fits the deployment's rpm/tpm (0 when it fits now). */
  capacityWaitMs(now: number, rpm: number | undefined, tpm: number | undefined): number {
    let wait = rpm !== undefined ? this.requests.msUntilBelow(now, rpm) : 0;
    if (tpm !== undefined && this.tokens.used(now) >= tpm) wait = Math.max(wait, this.tokens.resetMs(now));
    return wait;
  }
}

/** Deployment states by id. Static deployments live as long as the config names them; a pattern route's
 * per-name deployments as long as the route's LRU keeps the name (table.ts). Forgetting a deployment tells
 * the listeners (metrics take its series off /metrics). */
export class StateStore {
  private readonly states = new Map<string, DeploymentState>();
  private readonly forgetListeners: Array<(id: string) => void> = [];

  get size(): number {
    return this.states.size;
  }

  get(id: string): DeploymentState {
    let s = this.states.get(id);
    if (!s) {
      s = new DeploymentState();
      this.states.set(id, s);
    }
    return s;
  }

  /** The state of a deployment if it is known, without creating one (ids read from a shared store). */
  find(id: string): DeploymentState | undefined {
    return this.states.get(id);
  }

  onForget(listener: (id: string) => void): void {
    this.forgetListeners.push(listener);
  }

  /** Drops one deployment's state (a pattern route's name left its LRU). */
  forget(id: string): void {
    const s = this.states.get(id);
    if (!s) return;
    s.forgotten = true;
    this.states.delete(id);
    for (const listener of this.forgetListeners) listener(id);
  }

  /** Drops state of deployments no longer in the served table. */
  retainOnly(ids: ReadonlySet<string>): void {
    for (const id of [...this.states.keys()]) if (!ids.has(id)) this.forget(id);
  }
}
