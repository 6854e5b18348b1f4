/** Login throttling: too many failures for one username or one client address lock further attempts for a while. */

export interface LoginThrottleOptions {
  /** Failures for one username within the window before its attempts are refused (default 5). */
  readonly maxFailures?: number;
  /** Failures from one client address (keys starting `ip:`) before it is refused (default 50: offices share addresses). */
  readonly maxClientFailures?: number;
  /** Window and lock-out length (default 15 min). */
  readonly windowMs?: number;
}

interface Counter {
  failures: number;
  first: number;
  lockedUntil: number;
}

/**
 * Kept in memory, per process: a restart forgets it, which is acceptable for a throttle (the
 * rate-limit on the route bounds the raw request rate as well). Keys are lower-cased usernames and addresses.
 */
export class LoginThrottle {
  readonly #max: number;
  readonly #maxClient: number;
  readonly #window: number;
  readonly #counters = new Map<string, Counter>();

  constructor(options: LoginThrottleOptions = {}) {
    this.#max = options.maxFailures ?? 5;
    this.#maxClient = options.maxClientFailures ?? 50;
    this.#window = options.windowMs ?? 15 * 60_000;
  }

  /** Milliseconds until attempts for any of the keys are allowed again; 0 when allowed now. */
  retryAfter(keys: readonly string[], now: number): number {
    let wait = 0;
    for (const k of keys) {
      const c = this.#counters.get(k.toLowerCase());
      if (c && c.lockedUntil > now) wait = Math.max(wait, c.lockedUntil - now);
    }
    return wait;
  }

  fail(keys: readonly string[], now: number): void {
    for (const key of keys) {
      const k = key.toLowerCase();
      let c = this.#counters.get(k);
      if (!c || now - c.first > this.#window) {
        c = { failures: 0, first: now, lockedUntil: 0 };
        this.#counters.set(k, c);
      }
      c.failures++;
      if (c.failures >= (k.startsWith('ip:') ? this.#maxClient : this.#max)) c.lockedUntil = now + this.#window;
    }
    if (this.#counters.size > 100_000) this.#prune(now);
  }

  succeed(keys: readonly string[]): void {
    for (const k of keys) this.#counters.delete(k.toLowerCase());
  }

  #prune(now: number): void {
    for (const [k, c] of this.#counters) if (c.lockedUntil <= now && now - c.first > this.#window) this.#counters.delete(k);
  }
}
