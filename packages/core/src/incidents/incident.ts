/** The incident model (after ACLED / GTD / UCDP): dated, placed, typed, attributed, with casualty estimates tied to claims. */

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** A date with its precision: `date` is the first day of the period (ISO YYYY-MM-DD). */
export interface IncidentDate {
  readonly date: string;
  readonly precision: DatePrecision;
}

export type PlacePrecision = 'country' | 'province' | 'district' | 'locality';

export interface IncidentPlace {
  /** ISO 3166 alpha-2. */
  readonly country: string;
  /** Canonical region id of the gazetteer (`balochistan`). */
  readonly province?: string;
  readonly district?: string;
  /** Free text as the source gave it (a village, a mosque). */
  readonly locality?: string;
  readonly precision: PlacePrecision;
}

export const INCIDENT_TYPES = [
  'suicide-bombing',
  'ied',
  'armed-assault',
  'targeted-killing',
  'kidnapping',
  'rocket-mortar',
  'drone-strike',
  'security-operation',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export type Initiator = 'militant' | 'security-forces' | 'unknown';

export type AttributionStatus = 'claimed' | 'attributed' | 'unknown';

export interface Perpetrator {
  readonly status: AttributionStatus;
  /** Managed group id (`bla`, `ttp`) when known. */
  readonly group?: string;
}

export const CASUALTY_CATEGORIES = ['militant', 'civilian', 'security', 'unknown'] as const;
export type CasualtyCategory = (typeof CASUALTY_CATEGORIES)[number];
export type Outcome = 'killed' | 'injured';

/** How the wording bounds the figure. */
export const QUALIFIERS = [
  'exact',
  'at-least',
  'more-than',
  'nearly',
  'up-to',
  'about',
  'dozens',
  'scores',
  'hundreds',
  'several',
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** One figure as one source reported it. `category: 'total'` is a figure for everybody (people, persons). */
export interface Claim {
  readonly id: string;
  readonly outcome: Outcome;
  readonly category: CasualtyCategory | 'total';
  /** The number in the wording (24 for "dozens"). */
  readonly value: number;
  readonly qualifier: Qualifier;
  /** Outlet or dataset. */
  readonly outlet: string;
  /** The report or file the claim comes from (path, URL, `file:line`). */
  readonly source: string;
  /** When the source said it (ISO date or date-time), when known. */
  readonly time?: string;
  /** True when a party to the violence says it (a military press wing, a militant group). */
  readonly ownClaim: boolean;
  /** The words it was read from. */
  readonly text?: string;
}

/** A reconciled cell: low = smallest credible bound, best = most recent independent exact figure, high = largest credible figure. */
export interface Estimate {
  readonly low: number;
  readonly best: number;
  readonly high: number;
  /** The claims behind it. */
  readonly claims: readonly string[];
}

export type CasualtyCells = Partial<Record<CasualtyCategory, Estimate>>;

export interface Casualties {
  readonly killed: CasualtyCells;
  readonly injured: CasualtyCells;
}

export interface ClaimConflict {
  readonly outcome: Outcome;
  readonly category: CasualtyCategory | 'total';
  readonly claims: readonly [string, string];
  readonly reason: string;
}

/** An estimate as it stood after a claim arrived: every revision is kept. */
export interface Revision {
  readonly outcome: Outcome;
  readonly category: CasualtyCategory | 'total';
  readonly afterClaim: string;
  readonly time?: string;
  readonly estimate: Omit<Estimate, 'claims'>;
}

export interface IncidentSource {
  /** A report id / path, or a dataset file with its line. */
  readonly ref: string;
  readonly outlet: string;
  readonly time?: string;
  readonly kind: 'news' | 'dataset' | 'entry';
}

export interface Incident {
  readonly id: string;
  readonly date: IncidentDate;
  readonly place: IncidentPlace;
  readonly type: IncidentType;
  readonly initiator: Initiator;
  readonly perpetrator: Perpetrator;
  /** A suicide attack (whatever the type says about the weapon). */
  readonly suicide: boolean;
  readonly description?: string;
  readonly linked: readonly string[];
  readonly sources: readonly IncidentSource[];
  readonly claims: readonly Claim[];
  readonly casualties: Casualties;
  readonly conflicts: readonly ClaimConflict[];
  readonly revisions: readonly Revision[];
  /** Totals across categories (killed, injured) as low / best / high. */
  readonly totals: { readonly killed: Omit<Estimate, 'claims'>; readonly injured: Omit<Estimate, 'claims'> };
}

export const EMPTY_TOTAL = { low: 0, best: 0, high: 0 } as const;
