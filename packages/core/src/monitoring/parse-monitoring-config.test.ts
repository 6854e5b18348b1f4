import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITORING_CONFIG } from './monitoring-config.js';
import { parseDuration, parseMonitoringConfig } from './parse-monitoring-config.js';

function problems(json: unknown): string[] {
  const r = parseMonitoringConfig(json, 'agency.json');
  if (r.ok) return [];
  expect(r.error.code).toBe('MONITOR_CONFIG_INVALID');
  expect(r.error.message.startsWith('agency.json: ')).toBe(true);
  return ((r.error.details?.problems ?? []) as { path: string; message: string }[]).map((p) => `${p.path}: ${p.message}`);
}

describe('parseMonitoringConfig', () => {
  it('accepts the defaults and a minimal file, filling every setting', () => {
    const r = parseMonitoringConfig({ version: 1 });
    expect(r.ok && r.value).toEqual(DEFAULT_MONITORING_CONFIG);
    const full = parseMonitoringConfig(JSON.parse(JSON.stringify(DEFAULT_MONITORING_CONFIG)));
    expect(full.ok && full.value).toEqual(DEFAULT_MONITORING_CONFIG);
  });

  it('merges overrides, reads durations in words and normalises country codes', () => {
    const r = parseMonitoringConfig({
      version: 1,
      baseCurrency: 'PKR',
      rules: { cash: { threshold: 2_000_000 }, highRiskCorridor: { additional: ['af', ' so '] } },
      typologies: { cycle: { windowMs: '30d', order: 'forward' }, fanIn: { burstWindowMs: '36h' } },
    });
    if (!r.ok) throw r.error;
    expect(r.value.baseCurrency).toBe('PKR');
    expect(r.value.rules.cash).toEqual({ enabled: true, threshold: 2_000_000 });
    expect(r.value.rules.highRiskCorridor.additional).toEqual(['AF', 'SO']);
    expect(r.value.rules.highRiskCorridor.callForAction).toEqual(['KP', 'IR', 'MM']);
    expect(r.value.typologies.cycle.windowMs).toBe(30 * 86_400_000);
    expect(r.value.typologies.cycle.order).toBe('forward');
    expect(r.value.typologies.fanIn.burstWindowMs).toBe(36 * 3_600_000);
    expect(Object.isFrozen(r.value.rules.cash)).toBe(true);
  });

  it('names the field path of every problem', () => {
    expect(
      problems({
        version: 1,
        rules: { cash: { threshold: 'ten thousand' }, structuring: { margin: 1.5 }, highRiskCorridor: { callForAction: ['KP', 'Iran'] } },
        typologies: { cycle: { order: 'sideways', windowMs: '3 fortnights' }, fanIn: { minAlike: 2.5 } },
        grouping: { colour: 'red' },
      }),
    ).toEqual([
      'rules.cash.threshold: must be a number of at least 0, got "ten thousand"',
      'rules.structuring.margin: must be between 0 and 1, got 1.5',
      'rules.highRiskCorridor.callForAction[1]: must be an ISO 3166-1 alpha-2 country code, got "Iran"',
      'typologies.fanIn.minAlike: must be a whole number of at least 1, got 2.5',
      'typologies.cycle.windowMs: must be a duration (milliseconds, or text like "36h", "7d"), got "3 fortnights"',
      'typologies.cycle.order: must be one of forward, any, got "sideways"',
      'grouping.colour: is not a known setting (known: openMs, bucketMs, maxAccounts, maxTransactions)',
    ]);
  });

  it('checks settings against each other', () => {
    expect(problems({ version: 1, typologies: { cycle: { minLength: 5, maxLength: 4 } } })).toEqual([
      'typologies.cycle.maxLength: must be at least minLength (5), got 4',
    ]);
    expect(problems({ version: 1, typologies: { cycle: { maxLength: 12 } } })[0]).toMatch(
      /^typologies\.cycle\.maxLength: must be at most 8/,
    );
    expect(problems({ version: 1, baseCurrency: 'dollars' })).toEqual(['baseCurrency: must be an ISO 4217 code like "USD", got "dollars"']);
  });

  it('requires version 1 and an object', () => {
    expect(problems({})).toEqual(['version: is required (1)']);
    expect(problems({ version: 2 })).toEqual(['version: must be 1 (the only configuration version), got 2']);
    expect(problems([1])).toEqual(['(root): must be an object, got an array']);
    const r = parseMonitoringConfig({ version: 1, rules: { cash: { enabled: 'yes' } } });
    expect(!r.ok && r.error.location).toEqual({ field: 'rules.cash.enabled' });
  });

  it('reads durations', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    expect(parseDuration(42)).toBe(42);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration(-1)).toBeUndefined();
  });
});
