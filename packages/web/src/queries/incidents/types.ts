/** The shapes of the incident and news endpoints (see /api/openapi.json, tags incidents and news). */

export const CATEGORIES = ['militant', 'civilian', 'security', 'unknown'] as const;
export type Category = (typeof CATEGORIES)[number];
export type ClaimCategory = Category | 'total';
export type Outcome = 'killed' | 'injured';

export interface Range {
  readonly low: number;
  readonly best: number;
  readonly high: number;
}

export interface Estimate extends Range {
  readonly claims: readonly string[];
}

export interface Claim {
  readonly id: string;
  readonly outcome: Outcome;
  readonly category: ClaimCategory;
  readonly value: number;
  readonly qualifier: string;
  readonly outlet: string;
  readonly source: string;
  readonly time?: string;
  readonly ownClaim: boolean;
  readonly text?: string;
}

export interface IncidentSource {
  readonly ref: string;
  readonly outlet: string;
  readonly time?: string;
  readonly kind: 'news' | 'dataset' | 'entry';
}

export interface IncidentSummary {
  readonly id: string;
  readonly date: { readonly date: string; readonly precision: 'day' | 'week' | 'month' | 'year' };
  readonly place: {
    readonly country: string;
    readonly province?: string;
    readonly provinceName?: string;
    readonly district?: string;
    readonly locality?: string;
    readonly precision: string;
  };
  readonly type: string;
  readonly initiator: 'militant' | 'security-forces' | 'unknown';
  readonly perpetrator: { readonly status: 'claimed' | 'attributed' | 'unknown'; readonly group?: string; readonly groupName?: string };
  readonly suicide: boolean;
  readonly description?: string;
  readonly linked: readonly string[];
  readonly sources: readonly IncidentSource[];
  readonly totals: { readonly killed: Range; readonly injured: Range };
  readonly casualties: { readonly killed: Partial<Record<Category, Estimate>>; readonly injured: Partial<Record<Category, Estimate>> };
  readonly claimCount: number;
  readonly conflictCount: number;
}

export interface Conflict {
  readonly outcome: Outcome;
  readonly category: ClaimCategory;
  readonly claims: readonly [string, string];
  readonly reason: string;
}

export interface Revision {
  readonly outcome: Outcome;
  readonly category: ClaimCategory;
  readonly afterClaim: string;
  readonly time?: string;
  readonly estimate: Range;
}

export interface IncidentDetail {
  readonly incident: Omit<IncidentSummary, 'claimCount' | 'conflictCount'> & {
    readonly claims: readonly Claim[];
    readonly conflicts: readonly Conflict[];
    readonly revisions: readonly Revision[];
  };
  readonly linked: readonly IncidentSummary[];
  readonly events: readonly { readonly id: string; readonly title: string; readonly date: string | null }[];
}

export interface Figures {
  readonly incidents: number;
  readonly suicideAttacks: number;
  readonly killed: Range;
  readonly injured: Range;
  readonly killedBy: Readonly<Record<Category, { readonly low: number; readonly best: number }>>;
  readonly incidentIds: readonly string[];
}

export interface Change {
  readonly from: number;
  readonly to: number;
  readonly percent?: number;
}

export interface Changes {
  readonly incidents: Change;
  readonly killedBest: Change;
  readonly killedLow: Change;
  readonly injuredBest: Change;
  readonly suicideAttacks: Change;
}

export interface BreakdownRow extends Figures {
  readonly key: string;
  readonly label: string;
}

export interface ReportedStatistic {
  readonly id: string;
  readonly period?: string;
  readonly measure: 'killed' | 'injured' | 'attacks';
  readonly source?: string;
  readonly total?: Range;
  readonly breakdown: Readonly<Record<string, Range>>;
  readonly change?: { readonly percent: number; readonly direction: 'up' | 'down'; readonly comparedTo?: string };
  readonly reports: readonly string[];
  readonly quotes: readonly { readonly report: string; readonly text: string }[];
  readonly conflicts: readonly string[];
}

export interface IncidentStats {
  readonly period: { readonly kind: 'month' | 'year'; readonly key: string; readonly start: string; readonly end: string };
  readonly figures: Figures;
  readonly previous: { readonly period: { readonly key: string }; readonly figures: Figures; readonly change: Changes };
  readonly yearBefore: { readonly period: { readonly key: string }; readonly figures: Figures; readonly change: Changes };
  readonly byRegion: readonly BreakdownRow[];
  readonly byType: readonly BreakdownRow[];
  readonly byPerpetrator: readonly BreakdownRow[];
  readonly byInitiator: readonly BreakdownRow[];
  readonly monthly: readonly { readonly month: string; readonly figures: Figures }[];
  readonly alerts: readonly { readonly kind: string; readonly message: string; readonly value: number; readonly threshold: number }[];
  readonly reported: readonly ReportedStatistic[];
  readonly sources: Readonly<Record<string, readonly IncidentSource[]>>;
}

export interface IncidentReference {
  readonly country: string;
  readonly provinces: readonly { readonly id: string; readonly name: string; readonly districts: readonly string[] }[];
  readonly groups: readonly { readonly id: string; readonly name: string }[];
  readonly types: readonly string[];
  readonly qualifiers: readonly string[];
  readonly categories: readonly string[];
}

export interface NewsEvent {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly reports: readonly string[];
  readonly incidentIds: readonly string[];
  readonly statisticIds: readonly string[];
  readonly people: readonly string[];
  readonly organisations: readonly string[];
  readonly places: readonly string[];
}

export interface ClaimInput {
  readonly outcome: Outcome;
  readonly category: ClaimCategory;
  readonly value: number;
  readonly qualifier?: string;
  readonly outlet: string;
  readonly source: string;
  readonly time?: string;
  readonly ownClaim?: boolean;
  readonly text?: string;
}

export interface IncidentInput {
  readonly date: string;
  readonly precision?: 'day' | 'week' | 'month' | 'year';
  readonly province?: string;
  readonly district?: string;
  readonly locality?: string;
  readonly type: string;
  readonly initiator?: 'militant' | 'security-forces' | 'unknown';
  readonly perpetrator?: string;
  readonly perpetratorStatus?: 'claimed' | 'attributed' | 'unknown';
  readonly suicide?: boolean;
  readonly description?: string;
  readonly linked?: readonly string[];
  readonly claims?: readonly ClaimInput[];
}
