/** The declarative, versioned monitoring configuration an agency keeps: every threshold of every rule and typology. */

/**
 * Durations are milliseconds in memory; the JSON form also takes "90s", "15m", "36h", "7d", "2w".
 * Amounts are in `baseCurrency` (transactions carry `baseAmount` once converted through the rate table).
 */
export interface MonitoringConfig {
  /** Schema version of this configuration; 1 is the only one so far. */
  readonly version: number;
  /** ISO 4217: the currency thresholds are written in and explanations speak. */
  readonly baseCurrency: string;
  readonly window: WindowConfig;
  readonly rules: RulesConfig;
  readonly typologies: TypologiesConfig;
  readonly grouping: GroupingConfig;
}

export interface WindowConfig {
  /**
   * How far behind the newest event time a transaction may arrive and still be evaluated with its true
   * neighbours; edges are kept this much longer than the longest window so a late arrival still sees them.
   */
  readonly latenessMs: number;
}

export interface ThresholdRule {
  readonly enabled: boolean;
  /** Inclusive, in the base currency. */
  readonly threshold: number;
}

export interface StructuringRule {
  readonly enabled: boolean;
  /** The reporting threshold being avoided. */
  readonly threshold: number;
  /** "Just under": amounts in [threshold × (1 − margin), threshold). */
  readonly margin: number;
  /** How many such transactions on one account within the window. */
  readonly minCount: number;
  readonly windowMs: number;
}

export interface VelocityRule {
  readonly enabled: boolean;
  /** The period compared with the account's own past periods (a day by default). */
  readonly bucketMs: number;
  /** A period needs at least this many transactions to be considered. */
  readonly minCount: number;
  /** Current period against the account's exponentially weighted mean: count or amount ratio at least this … */
  readonly ratio: number;
  /** … and at least this many standard deviations above it. */
  readonly zScore: number;
  /** Periods of history the account needs before its own baseline means anything. */
  readonly minHistoryBuckets: number;
  /** Half-life of the baseline, in periods. */
  readonly halfLifeBuckets: number;
  /** Ignore periods whose total is below this. */
  readonly minAmount: number;
}

export interface SplitTransfersRule {
  readonly enabled: boolean;
  /** Identical transfers (same originator, beneficiary and amount) within the window that make one payment split up. */
  readonly minCount: number;
  readonly windowMs: number;
  readonly minAmount: number;
}

export interface RoundAmountRule {
  readonly enabled: boolean;
  /** An amount is round when it is a multiple of this. */
  readonly unit: number;
  readonly minAmount: number;
  /** Round-amount transactions on one account within the window. */
  readonly minCount: number;
  readonly windowMs: number;
}

export interface HighRiskCorridorRule {
  readonly enabled: boolean;
  /** The date the default lists were taken from FATF's public statements (informational). */
  readonly listsAsOf: string;
  /** ISO 3166-1 alpha-2: FATF high-risk jurisdictions subject to a call for action. */
  readonly callForAction: readonly string[];
  /** ISO 3166-1 alpha-2: FATF jurisdictions under increased monitoring. */
  readonly increasedMonitoring: readonly string[];
  /** Agency additions, treated like call-for-action countries. */
  readonly additional: readonly string[];
  readonly minAmount: number;
}

export interface DormantAccountRule {
  readonly enabled: boolean;
  /** Silence before the transaction that makes the account dormant. */
  readonly dormantMs: number;
  readonly minAmount: number;
}

export interface PassThroughRule {
  readonly enabled: boolean;
  /** Money that arrives and leaves within this much time passes through. */
  readonly windowMs: number;
  /** Share of the inflow that left. */
  readonly minRatio: number;
  /** Inflow below this is not worth an alert. */
  readonly minAmount: number;
  /** Outflow is at most this share above the inflow (a pass-through does not add money of its own). */
  readonly maxExcess: number;
  /**
   * Also match an outflow against an inflow of exactly the same amount into a different account within the
   * window: the mule who receives into one account and cashes out from another (account takeover → transfer →
   * cash-out). Only amounts of at least `minAmount` that are not round multiples of 100 are matched.
   */
  readonly matchAcrossAccounts: boolean;
}

export interface SanctionedCounterpartyRule {
  readonly enabled: boolean;
  /** Screening score from which a party counts as a hit. */
  readonly minScore: number;
}

export interface RulesConfig {
  readonly largeValue: ThresholdRule;
  readonly cash: ThresholdRule;
  readonly structuring: StructuringRule;
  readonly splitTransfers: SplitTransfersRule;
  readonly velocity: VelocityRule;
  readonly roundAmount: RoundAmountRule;
  readonly highRiskCorridor: HighRiskCorridorRule;
  readonly dormantAccount: DormantAccountRule;
  readonly passThrough: PassThroughRule;
  readonly sanctionedCounterparty: SanctionedCounterpartyRule;
}

/** Shared by the star-shaped typologies (fan-in, fan-out). */
export interface FanConfig {
  readonly enabled: boolean;
  /**
   * Alike amounts: `minAlike` distinct counterparties within `windowMs` paying (or paid) the same amount, within
   * `amountTolerance` — one sum split across many mules, or a collection account gathering a fixed fee.
   */
  readonly alike: boolean;
  readonly windowMs: number;
  readonly minAlike: number;
  readonly amountTolerance: number;
  /**
   * Alike amounts must spread over at least this long: a batch paid at once (payroll, benefits) is an ordinary
   * business run, a launderer's equal payments trickle out. Counterparties paid the same amount again more than
   * this apart (a salary, a standing order) are a relationship and do not count. 0 turns both checks off.
   */
  readonly minSpanMs: number;
  /**
   * Burst: `minDistinct` distinct counterparties within `burstWindowMs`, at least `burstRatio` times the
   * account's own rate before (a new account has no rate: any burst counts once the stream has that much history).
   */
  readonly burstWindowMs: number;
  readonly minDistinct: number;
  readonly burstRatio: number;
  /** Distinct counterparties within the burst window that make a pattern on an account first seen inside it. */
  readonly minDistinctNew: number;
  /** The stream must cover this much time before the burst window for the account's own rate to mean anything. */
  readonly minHistoryMs: number;
  /** Patterns moving less than this in all are not reported. */
  readonly minTotal: number;
}

export interface GatherScatterConfig {
  readonly enabled: boolean;
  readonly windowMs: number;
  /** Distinct senders into the hub and distinct receivers out of it. */
  readonly minIn: number;
  readonly minOut: number;
  /** Share of the inflow that leaves again. */
  readonly minPassRatio: number;
  readonly minTotal: number;
}

export interface ScatterGatherConfig {
  readonly enabled: boolean;
  readonly windowMs: number;
  /** Distinct intermediaries between one source and one destination. */
  readonly minIntermediaries: number;
  /** Forward legs: each intermediary passes on what it received within this relative spread, after receiving it. */
  readonly amountTolerance: number;
  /** Also legs in any order that carry the same amount to the cent (amounts in whole units excepted). */
  readonly unordered: boolean;
  readonly minTotal: number;
}

export interface CycleConfig {
  readonly enabled: boolean;
  readonly windowMs: number;
  readonly minLength: number;
  readonly maxLength: number;
  /**
   * `forward`: the transfers follow one another in time around the loop (money chasing itself);
   * `any`: every transfer within the window counts, in any order (pooled funds returning to their origin).
   */
  readonly order: 'forward' | 'any';
  /** Forward loops: each transfer within this relative spread of the one before it (fees and jitter on the way). */
  readonly amountTolerance: number;
  /** Forward loops: each transfer follows the previous one within this time. */
  readonly maxHopMs: number;
  /**
   * Loops in any order must carry the same amount within this (much tighter) spread: without time order, only
   * the same money is evidence, and amounts in whole units are left out because they coincide by chance.
   */
  readonly unorderedTolerance: number;
  readonly minAmount: number;
  /** Edge visits per search: a hard cap that keeps the worst case of one transaction bounded. */
  readonly maxVisits: number;
}

export interface LayeringChainConfig {
  readonly enabled: boolean;
  /** Transfers in a row: A → B → C → D → E is four. */
  readonly minHops: number;
  readonly maxHops: number;
  /** Each hop leaves within this time after the previous one arrived. */
  readonly maxHopMs: number;
  /** Each hop carries the previous one's amount within this relative spread (fees off, a launderer's jitter). */
  readonly amountTolerance: number;
  readonly minAmount: number;
  /**
   * Also chains in any order within `windowMs` that carry the same amount to the cent (amounts in whole units
   * excepted): the same sum relayed through accounts, from `unorderedMinHops` transfers.
   */
  readonly unordered: boolean;
  readonly unorderedMinHops: number;
  readonly windowMs: number;
  readonly maxVisits: number;
}

export interface BipartiteConfig {
  readonly enabled: boolean;
  readonly windowMs: number;
  /** Senders each paying at least `minReceivers` of the same receivers. */
  readonly minSenders: number;
  readonly minReceivers: number;
  /** Every transfer of the block within this relative spread of the new one's amount. */
  readonly amountTolerance: number;
  readonly minTotal: number;
}

export interface TypologiesConfig {
  readonly fanIn: FanConfig;
  readonly fanOut: FanConfig;
  readonly gatherScatter: GatherScatterConfig;
  readonly scatterGather: ScatterGatherConfig;
  readonly cycle: CycleConfig;
  readonly layeringChain: LayeringChainConfig;
  readonly bipartite: BipartiteConfig;
  /** Cap on the counterparties any one neighbourhood scan looks at, so a merchant with 100,000 payers stays cheap. */
  readonly maxScan: number;
}

export interface GroupingConfig {
  /** An alert stays open for growth this long after its last update; later detections open a new alert. */
  readonly openMs: number;
  /** The period alert ids are bucketed by: the same pattern in the same bucket is the same alert on replay. */
  readonly bucketMs: number;
  /** Caps that keep a long-running alert readable. */
  readonly maxAccounts: number;
  readonly maxTransactions: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Defaults. Long windows on the network typologies are deliberate: laundering rings pace their transfers over
 * weeks to stay under velocity rules (AMLSim spreads a cycle over its whole simulation), and amount consistency —
 * the same money moving — keeps long windows precise. Bursts use short windows.
 */
export const DEFAULT_MONITORING_CONFIG: MonitoringConfig = {
  version: 1,
  baseCurrency: 'USD',
  window: { latenessMs: HOUR },
  rules: {
    largeValue: { enabled: true, threshold: 1_000_000 },
    cash: { enabled: true, threshold: 10_000 },
    structuring: { enabled: true, threshold: 10_000, margin: 0.1, minCount: 3, windowMs: 7 * DAY },
    splitTransfers: { enabled: true, minCount: 3, windowMs: HOUR, minAmount: 0 },
    velocity: {
      enabled: true,
      bucketMs: DAY,
      minCount: 20,
      ratio: 8,
      zScore: 6,
      minHistoryBuckets: 14,
      halfLifeBuckets: 14,
      minAmount: 10_000,
    },
    roundAmount: { enabled: true, unit: 1_000, minAmount: 5_000, minCount: 3, windowMs: 30 * DAY },
    highRiskCorridor: {
      enabled: true,
      listsAsOf: '2025-10-24',
      callForAction: ['KP', 'IR', 'MM'],
      increasedMonitoring: [
        'DZ',
        'AO',
        'BO',
        'BG',
        'CM',
        'CI',
        'CD',
        'HT',
        'KE',
        'LA',
        'LB',
        'MC',
        'NA',
        'NP',
        'SS',
        'SY',
        'VE',
        'VN',
        'VG',
        'YE',
      ],
      additional: [],
      minAmount: 0,
    },
    dormantAccount: { enabled: true, dormantMs: 180 * DAY, minAmount: 5_000 },
    passThrough: { enabled: true, windowMs: 6 * HOUR, minRatio: 0.9, minAmount: 5_000, maxExcess: 0.1, matchAcrossAccounts: true },
    sanctionedCounterparty: { enabled: true, minScore: 0.85 },
  },
  typologies: {
    fanIn: {
      enabled: true,
      alike: true,
      windowMs: 180 * DAY,
      minAlike: 3,
      amountTolerance: 0,
      minSpanMs: 0,
      burstWindowMs: 36 * HOUR,
      minDistinct: 20,
      burstRatio: 5,
      minDistinctNew: 6,
      minHistoryMs: 7 * DAY,
      minTotal: 0,
    },
    // Equal payments to many payees are payroll, benefits — and, in simulators such as AMLSim, how every ordinary
    // account pays: fan-out relies on bursts and on gather-scatter unless an agency turns alike amounts on (then a
    // batch paid within an hour and payees paid the same again later do not count).
    fanOut: {
      enabled: true,
      alike: false,
      windowMs: 180 * DAY,
      minAlike: 3,
      amountTolerance: 0,
      minSpanMs: HOUR,
      burstWindowMs: 36 * HOUR,
      minDistinct: 20,
      burstRatio: 5,
      minDistinctNew: 6,
      minHistoryMs: 7 * DAY,
      minTotal: 0,
    },
    gatherScatter: { enabled: true, windowMs: 7 * DAY, minIn: 5, minOut: 5, minPassRatio: 0.8, minTotal: 10_000 },
    scatterGather: { enabled: true, windowMs: 30 * DAY, minIntermediaries: 3, amountTolerance: 0.2, unordered: true, minTotal: 0 },
    cycle: {
      enabled: true,
      windowMs: 180 * DAY,
      // A loop of two is a refund as often as a round trip: from three by default, two on request.
      minLength: 3,
      maxLength: 6,
      order: 'any',
      // Time order and closure are strong evidence on their own: amounts may vary as launderers vary them.
      amountTolerance: 0.25,
      maxHopMs: DAY,
      unorderedTolerance: 0,
      minAmount: 0,
      maxVisits: 4_000,
    },
    layeringChain: {
      enabled: true,
      minHops: 4,
      maxHops: 8,
      maxHopMs: 6 * HOUR,
      amountTolerance: 0.1,
      minAmount: 0,
      unordered: true,
      unorderedMinHops: 2,
      windowMs: 180 * DAY,
      maxVisits: 2_000,
    },
    bipartite: { enabled: true, windowMs: 7 * DAY, minSenders: 3, minReceivers: 3, amountTolerance: 0.15, minTotal: 0 },
    maxScan: 2_000,
  },
  grouping: { openMs: 30 * DAY, bucketMs: 30 * DAY, maxAccounts: 200, maxTransactions: 1_000 },
};
