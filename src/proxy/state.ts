// Mutable per-deployment runtime state: circuit breaker, concurrency, rpm/tpm windows, latency.
// Kept in a store keyed by deployment id so a hot reload does not forget which deployments are failing.

export type CircuitState = 'closed' | 'open' | 'half_open';

const MINUTE_MS = 60_000;

export class DeploymentState {
  inflight = 0;
  private failTimes: number[] = [];
  private circuit: CircuitState = 'closed';
  private openUntil = 0;
  private probing = false;
  private windowStart = 0;
  private windowRequests = 0;
  private windowTokens = 0;
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

  onSuccess(latencyMs: number): void {
    this.failTimes.length = 0;
    this.circuit = 'closed';
    this.probing = false;
    this.latencyMs = this.latencyMs === undefined ? latencyMs : this.latencyMs * 0.8 + latencyMs * 0.2;
  }

  /** Counts a failure; opens the circuit past `allowedFails` in a minute (or at once while probing). */
  onFailure(now: number, reason: string, allowedFails: number, cooldownMs: number): void {
    this.lastError = reason;
    this.lastErrorAt = now;
    const wasProbe = this.probing || this.circuit === 'half_open';
    this.probing = false;
    this.failTimes.push(now);
    while (this.failTimes.length > 0 && now - this.failTimes[0] > MINUTE_MS) this.failTimes.shift();
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
    for (const t of this.failTimes) if (now - t <= MINUTE_MS) n++;
    return n;
  }

  private roll(now: number): void {
    if (now - this.windowStart >= MINUTE_MS) {
      this.windowStart = now;
      this.windowRequests = 0;
      this.windowTokens = 0;
    }
  }

  /** Per-deployment rpm/tpm from the config: true when one more request fits this minute. */
  hasCapacity(now: number, rpm: number | undefined, tpm: number | undefined): boolean {
    this.roll(now);
    if (rpm !== undefined && this.windowRequests >= rpm) return false;
    if (tpm !== undefined && this.windowTokens >= tpm) return false;
    return true;
  }

  countRequest(now: number): void {
    this.roll(now);
    this.windowRequests++;
  }

  countTokens(now: number, tokens: number): void {
    this.roll(now);
    this.windowTokens += tokens;
  }

  tokensThisMinute(now: number): number {
    this.roll(now);
    return this.windowTokens;
  }

  /** Ms until the current rpm/tpm window rolls over. */
  windowResetMs(now: number): number {
    return Math.max(0, this.windowStart + MINUTE_MS - now);
  }
}

export class StateStore {
  private readonly states = new Map<string, DeploymentState>();

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

  /** Drops state of deployments no longer in the served table. */
  retainOnly(ids: ReadonlySet<string>): void {
    for (const id of this.states.keys()) if (!ids.has(id)) this.states.delete(id);
  }
}
