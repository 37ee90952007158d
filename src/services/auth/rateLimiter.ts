/**
 * Counts failed logins per key (login and client address) in a sliding window. In memory: one
 * server process serves the application (PGlite) or each process limits on its own (PostgreSQL).
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string, now: number): number {
    const recent = this.prune(key, now);
    if (recent.length < this.maxFailures) return 0;
    const oldest = recent[0] ?? now;
    return oldest + this.windowMs - now;
  }

  fail(key: string, now: number): void {
    const recent = this.prune(key, now);
    recent.push(now);
    this.failures.set(key, recent);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private prune(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length) this.failures.set(key, recent);
    else this.failures.delete(key);
    return recent;
  }
}
