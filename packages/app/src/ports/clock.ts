/** Time and identity, injected so use cases are deterministic under test. */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface IdGenerator {
  /** A new unique id with a short readable prefix (`case_…`, `alert_…`). */
  next(prefix: string): string;
}
