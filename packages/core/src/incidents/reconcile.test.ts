import { describe, expect, it } from 'vitest';
import type { Claim } from './incident.js';
import { claimBounds, compatible, estimateOf, reconcile } from './reconcile.js';

const claim = (id: string, value: number, more: Partial<Claim> = {}): Claim => ({
  id,
  outcome: 'killed',
  category: 'total',
  value,
  qualifier: 'exact',
  outlet: 'Dawn',
  source: `r/${id}`,
  ownClaim: false,
  ...more,
});

describe('claim bounds and compatibility', () => {
  it('reads qualifiers as intervals', () => {
    expect(claimBounds(31, 'at-least')).toMatchObject({ min: 31, figure: 31 });
    expect(claimBounds(200, 'more-than').min).toBe(201);
    expect(claimBounds(50, 'up-to')).toMatchObject({ min: 0, max: 50 });
    expect(claimBounds(100, 'nearly')).toMatchObject({ min: 90, max: 99 });
    expect(claimBounds(24, 'dozens').figure).toBeUndefined();
  });

  it('"216" and "more than 200" are compatible; "31" and "45" are not', () => {
    expect(compatible({ value: 216, qualifier: 'exact' }, { value: 200, qualifier: 'more-than' })).toBe(true);
    expect(compatible({ value: 31, qualifier: 'exact' }, { value: 45, qualifier: 'exact' })).toBe(false);
    expect(compatible({ value: 12, qualifier: 'exact' }, { value: 15, qualifier: 'at-least' })).toBe(false);
    expect(compatible({ value: 58, qualifier: 'exact' }, { value: 24, qualifier: 'dozens' })).toBe(true);
  });
});

describe('reconcile', () => {
  it('low is the smallest bound, high the largest figure, best the latest independent exact figure', () => {
    const e = estimateOf([
      claim('a', 200, { qualifier: 'more-than', time: '2026-01-02' }),
      claim('b', 216, { time: '2026-01-03' }),
      claim('c', 230, { time: '2026-01-05', ownClaim: true }),
    ]);
    // The party's own claim (230) is not credible while independent sources speak.
    expect(e).toEqual({ low: 201, best: 216, high: 216 });
  });

  it('takes the most recent exact figure as best: tolls rise as the injured die', () => {
    const r = reconcile([claim('a', 31, { time: '2026-02-06' }), claim('b', 45, { time: '2026-02-08' })]);
    expect(r.casualties.killed.unknown).toMatchObject({ low: 31, best: 45, high: 45 });
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]?.claims).toEqual(['a', 'b']);
    // Every revision kept: after a, then after b.
    expect(r.revisions.map((v) => [v.afterClaim, v.estimate.best])).toEqual([
      ['a', 31],
      ['b', 45],
    ]);
  });

  it('uses own claims when nobody else reports the figure', () => {
    expect(estimateOf([claim('ispr', 12, { ownClaim: true, category: 'militant' })])).toEqual({ low: 12, best: 12, high: 12 });
  });

  it('puts what a total holds beyond the named categories into unknown', () => {
    const r = reconcile([
      claim('t', 40, { category: 'total' }),
      claim('c', 25, { category: 'civilian' }),
      claim('s', 5, { category: 'security' }),
      claim('i', 80, { outcome: 'injured' }),
    ]);
    expect(r.casualties.killed.civilian?.best).toBe(25);
    expect(r.casualties.killed.unknown?.best).toBe(10);
    expect(r.totals.killed.best).toBe(40);
    expect(r.totals.injured.best).toBe(80);
  });

  it('does not double count when categories already explain a vague total', () => {
    const r = reconcile([
      claim('t', 24, { qualifier: 'dozens' }),
      claim('c', 36, { category: 'civilian' }),
      claim('s', 22, { category: 'security' }),
    ]);
    expect(r.casualties.killed.unknown).toBeUndefined();
    expect(r.totals.killed.best).toBe(58);
    expect(r.conflicts).toEqual([]);
  });
});
