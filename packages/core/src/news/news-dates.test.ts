import { describe, expect, it } from 'vitest';
import { findExplicitDate, findTimeMentions } from './news-dates.js';

const resolved = (s: string, ref: string | undefined) =>
  findTimeMentions(s, ref).map((t) => [t.text, t.resolved?.date ?? null, t.resolved?.precision ?? null]);

describe('news dates', () => {
  it('finds explicit dates in several forms', () => {
    expect(findExplicitDate('Thursday, 12 February 2026')?.date).toBe('2026-02-12');
    expect(findExplicitDate('Published March 3, 2025 at noon')?.date).toBe('2025-03-03');
    expect(findExplicitDate('date 2026-02-12 headline')?.date).toBe('2026-02-12');
    expect(findExplicitDate('31 February 2026')).toBeUndefined();
  });

  it('resolves weekdays to the most recent such day, and keeps them unresolved without a reference', () => {
    expect(resolved('Officials met on Thursday.', '2026-02-12')).toEqual([['on Thursday', '2026-02-12', 'day']]);
    expect(resolved('The blast on Monday', '2026-02-12')).toEqual([['on Monday', '2026-02-09', 'day']]);
    expect(findTimeMentions('on Saturday', undefined)[0]).toMatchObject({ weekday: 6 });
  });

  it('resolves last week, last month, late last month, earlier this month and named months', () => {
    expect(resolved('a bombing last week', '2026-02-12')).toEqual([['last week', '2026-02-02', 'week']]);
    expect(resolved('during Friday prayers in Islamabad last week', '2026-02-12')).toEqual([['Friday', '2026-02-06', 'day']]);
    expect(resolved('attacks late last month', '2026-02-12')).toEqual([['late last month', '2026-01-01', 'month']]);
    expect(resolved('Earlier this month, talks', '2026-03-20')).toEqual([['Earlier this month', '2026-03-01', 'month']]);
    expect(resolved('violence in January', '2026-02-12')).toEqual([['in January', '2026-01-01', 'month']]);
    expect(resolved('violence in November', '2026-02-12')).toEqual([['in November', '2025-11-01', 'month']]);
    expect(resolved('compared to December last year', '2026-02-12')).toEqual([['December last year', '2025-12-01', 'month']]);
    expect(resolved('two days ago', '2026-02-12')).toEqual([['two days ago', '2026-02-10', 'day']]);
    expect(resolved('yesterday', '2026-01-01')).toEqual([['yesterday', '2025-12-31', 'day']]);
  });
});
