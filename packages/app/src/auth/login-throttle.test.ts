import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('locks a username after its failures and lets it in again after the window', () => {
    const t = new LoginThrottle({ maxFailures: 3, windowMs: 1000 });
    for (let i = 0; i < 3; i++) t.fail(['user:Ana'], 0);
    expect(t.retryAfter(['user:ana'], 10)).toBe(990);
    expect(t.retryAfter(['user:bob'], 10)).toBe(0);
    expect(t.retryAfter(['user:ana'], 1000)).toBe(0);
  });
  it('gives a client address more room than a username', () => {
    const t = new LoginThrottle({ maxFailures: 2, maxClientFailures: 4, windowMs: 1000 });
    for (let i = 0; i < 3; i++) t.fail([`user:u${i}`, 'ip:10.0.0.1'], 0);
    expect(t.retryAfter(['user:x', 'ip:10.0.0.1'], 1)).toBe(0);
    t.fail(['user:u9', 'ip:10.0.0.1'], 0);
    expect(t.retryAfter(['user:x', 'ip:10.0.0.1'], 1)).toBeGreaterThan(0);
  });
  it('forgets failures after a success', () => {
    const t = new LoginThrottle({ maxFailures: 2 });
    t.fail(['user:a'], 0);
    t.succeed(['user:a']);
    t.fail(['user:a'], 0);
    expect(t.retryAfter(['user:a'], 0)).toBe(0);
  });
});
