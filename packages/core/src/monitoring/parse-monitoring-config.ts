/** Validates an agency's monitoring configuration (JSON) against the defaults' shape, naming the field path of every problem. */

import { ArgusError, err, ok, type Result } from '../model/errors.js';
import { DEFAULT_MONITORING_CONFIG, type MonitoringConfig } from './monitoring-config.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "36h" → 129,600,000; numbers pass through. Undefined when the text is not a duration. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * (UNIT_MS[m[2] as string] as number);
}

type Check = (value: number) => string | undefined;

const fraction: Check = (v) => (v >= 0 && v <= 1 ? undefined : 'must be between 0 and 1');
const atLeastOne: Check = (v) => (v >= 1 ? undefined : 'must be at least 1');
const count: Check = (v) => (Number.isInteger(v) && v >= 1 ? undefined : 'must be a whole number of at least 1');
const positive: Check = (v) => (v > 0 ? undefined : 'must be greater than 0');

/** Field-name conventions shared across the tree, then exceptions by full path. */
const BY_NAME: Readonly<Record<string, Check>> = {
  margin: fraction,
  minRatio: fraction,
  minPassRatio: fraction,
  minScore: fraction,
  amountTolerance: fraction,
  maxExcess: fraction,
  ratio: atLeastOne,
  burstRatio: atLeastOne,
  minCount: count,
  minAlike: count,
  minDistinct: count,
  minDistinctNew: count,
  minIn: count,
  minOut: count,
  minIntermediaries: count,
  minSenders: count,
  minReceivers: count,
  minLength: count,
  maxLength: count,
  minHops: count,
  maxHops: count,
  minHistoryBuckets: count,
  maxVisits: count,
  maxScan: count,
  maxAccounts: count,
  maxTransactions: count,
  unorderedTolerance: fraction,
  unorderedMinHops: count,
  unit: positive,
  bucketMs: positive,
  halfLifeBuckets: positive,
  openMs: positive,
  windowMs: positive,
  burstWindowMs: positive,
  dormantMs: positive,
  maxHopMs: positive,
};

const ENUMS: Readonly<Record<string, readonly string[]>> = { 'typologies.cycle.order': ['forward', 'any'] };

interface Problem {
  readonly path: string;
  readonly message: string;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  return typeof value === 'object' ? 'an object' : String(value);
}

/** Walks `input` against the shape of `shape` (a default value), returning the merged value. */
function merge(shape: unknown, input: unknown, path: string, problems: Problem[]): unknown {
  if (input === undefined) return shape;
  const name = path.slice(path.lastIndexOf('.') + 1);
  if (Array.isArray(shape)) {
    if (!Array.isArray(input) || !input.every((c) => typeof c === 'string')) {
      problems.push({ path, message: `must be an array of strings, got ${describe(input)}` });
      return shape;
    }
    const out: string[] = [];
    input.forEach((c: string, i) => {
      const code = c.trim().toUpperCase();
      if (/^[A-Z]{2}$/.test(code)) out.push(code);
      else problems.push({ path: `${path}[${i}]`, message: `must be an ISO 3166-1 alpha-2 country code, got ${describe(c)}` });
    });
    return out;
  }
  if (typeof shape === 'object' && shape !== null) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      problems.push({ path: path || '(root)', message: `must be an object, got ${describe(input)}` });
      return shape;
    }
    const out: Record<string, unknown> = {};
    const known = shape as Record<string, unknown>;
    for (const key of Object.keys(input)) {
      if (!(key in known))
        problems.push({ path: path ? `${path}.${key}` : key, message: `is not a known setting (known: ${Object.keys(known).join(', ')})` });
    }
    for (const [key, def] of Object.entries(known)) {
      out[key] = merge(def, (input as Record<string, unknown>)[key], path ? `${path}.${key}` : key, problems);
    }
    return out;
  }
  if (typeof shape === 'boolean') {
    if (typeof input === 'boolean') return input;
    problems.push({ path, message: `must be true or false, got ${describe(input)}` });
    return shape;
  }
  if (typeof shape === 'number') {
    const isDuration = name.endsWith('Ms');
    const value = isDuration ? parseDuration(input) : typeof input === 'number' && Number.isFinite(input) ? input : undefined;
    if (value === undefined || value < 0) {
      problems.push({
        path,
        message: isDuration
          ? `must be a duration (milliseconds, or text like "36h", "7d"), got ${describe(input)}`
          : `must be a number of at least 0, got ${describe(input)}`,
      });
      return shape;
    }
    const problem = BY_NAME[name]?.(value);
    if (problem) problems.push({ path, message: `${problem}, got ${value}` });
    return value;
  }
  if (typeof shape === 'string') {
    if (typeof input !== 'string' || input.trim() === '') {
      problems.push({ path, message: `must be a non-empty string, got ${describe(input)}` });
      return shape;
    }
    const allowed = ENUMS[path];
    if (allowed && !allowed.includes(input))
      problems.push({ path, message: `must be one of ${allowed.join(', ')}, got ${describe(input)}` });
    return input;
  }
  return input;
}

function crossChecks(c: MonitoringConfig, problems: Problem[]): void {
  if (!/^[A-Z]{3}$/.test(c.baseCurrency))
    problems.push({ path: 'baseCurrency', message: `must be an ISO 4217 code like "USD", got "${c.baseCurrency}"` });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.rules.highRiskCorridor.listsAsOf))
    problems.push({
      path: 'rules.highRiskCorridor.listsAsOf',
      message: `must be a date YYYY-MM-DD, got "${c.rules.highRiskCorridor.listsAsOf}"`,
    });
  const cy = c.typologies.cycle;
  if (cy.minLength < 2) problems.push({ path: 'typologies.cycle.minLength', message: `must be at least 2, got ${cy.minLength}` });
  if (cy.maxLength > 8)
    problems.push({
      path: 'typologies.cycle.maxLength',
      message: `must be at most 8 (the search is exponential in it), got ${cy.maxLength}`,
    });
  if (cy.maxLength < cy.minLength)
    problems.push({ path: 'typologies.cycle.maxLength', message: `must be at least minLength (${cy.minLength}), got ${cy.maxLength}` });
  const lc = c.typologies.layeringChain;
  if (lc.minHops < 2) problems.push({ path: 'typologies.layeringChain.minHops', message: `must be at least 2, got ${lc.minHops}` });
  if (lc.maxHops < lc.minHops)
    problems.push({ path: 'typologies.layeringChain.maxHops', message: `must be at least minHops (${lc.minHops}), got ${lc.maxHops}` });
  if (lc.maxHops > 12) problems.push({ path: 'typologies.layeringChain.maxHops', message: `must be at most 12, got ${lc.maxHops}` });
  if (c.grouping.openMs < c.grouping.bucketMs)
    problems.push({
      path: 'grouping.openMs',
      message: `must be at least grouping.bucketMs (${c.grouping.bucketMs}), or ids of a closed and a new alert may collide`,
    });
  if (c.typologies.fanIn.minAlike < 2)
    problems.push({ path: 'typologies.fanIn.minAlike', message: `must be at least 2, got ${c.typologies.fanIn.minAlike}` });
  if (c.typologies.fanOut.minAlike < 2)
    problems.push({ path: 'typologies.fanOut.minAlike', message: `must be at least 2, got ${c.typologies.fanOut.minAlike}` });
}

/**
 * Parses a configuration: every setting is optional and defaults to DEFAULT_MONITORING_CONFIG; unknown settings,
 * wrong types and out-of-range values are errors naming the field path.
 *
 * @example parseMonitoringConfig({ version: 1, rules: { cash: { threshold: 15000 } } }, 'agency.json')
 */
export function parseMonitoringConfig(json: unknown, file?: string): Result<MonitoringConfig, ArgusError> {
  const problems: Problem[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problems.push({ path: '(root)', message: `must be an object, got ${describe(json)}` });
  } else {
    const version = (json as Record<string, unknown>).version;
    if (version === undefined) problems.push({ path: 'version', message: 'is required (1)' });
    else if (version !== 1)
      problems.push({ path: 'version', message: `must be 1 (the only configuration version), got ${describe(version)}` });
  }
  let config = DEFAULT_MONITORING_CONFIG;
  if (problems.length === 0) {
    config = merge(DEFAULT_MONITORING_CONFIG, json, '', problems) as MonitoringConfig;
    if (problems.length === 0) crossChecks(config, problems);
  }
  const first = problems[0];
  if (!first) return ok(deepFreeze(config));
  const where = file ? `${file}: ` : '';
  const message = `${where}${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`;
  return err(
    new ArgusError('MONITOR_CONFIG_INVALID', message, {
      location: { ...(file !== undefined && { file }), field: first.path },
      details: { problems },
    }),
  );
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
