/** The shapes the Argus HTTP API answers with (see /api/openapi.json); the UI reads nothing else. */

export type Permission =
  | 'screen'
  | 'lists:read'
  | 'lists:update'
  | 'reviews:read'
  | 'reviews:write'
  | 'alerts:read'
  | 'alerts:write'
  | 'cases:read'
  | 'cases:write'
  | 'incidents:read'
  | 'incidents:write'
  | 'audit:read'
  | 'admin';

export const PERMISSION_LIST: readonly Permission[] = [
  'screen',
  'lists:read',
  'lists:update',
  'reviews:read',
  'reviews:write',
  'alerts:read',
  'alerts:write',
  'cases:read',
  'cases:write',
  'incidents:read',
  'incidents:write',
  'audit:read',
  'admin',
];

export const ROLES = ['admin', 'analyst', 'reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface CurrentUser {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly agencyId: string;
  readonly agencyName: string;
}

export interface Session {
  readonly user: CurrentUser;
  readonly permissions: readonly Permission[];
}

// Screening

export interface ScreenQuery {
  readonly name: string;
  readonly dob?: string;
  readonly country?: string;
  readonly schema?: string;
  readonly id?: string;
}

export interface AlignedPair {
  readonly query: string;
  readonly name: string;
  readonly sim: number;
  readonly kind: string;
  readonly weight: number;
}

export interface FeatureContribution {
  readonly feature: string;
  readonly contribution: number;
  readonly detail: string;
}

export interface Explanation {
  readonly name: {
    readonly query: string;
    readonly matched: string;
    readonly score: number;
    readonly pairs: readonly AlignedPair[];
    readonly unmatchedQuery: readonly string[];
    readonly unmatchedName: readonly string[];
    readonly reordered: boolean;
    readonly genericOnly: boolean;
    readonly weakAlias: boolean;
  };
  readonly features: readonly FeatureContribution[];
}

export type Decision = 'true_match' | 'false_positive';

export interface ReviewInForce {
  readonly decision: Decision;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

export interface ScreenMatch {
  readonly entity_id: string;
  readonly source: string;
  readonly source_id: string;
  readonly name: string;
  readonly schema: string;
  readonly score: number;
  readonly band: 'match' | 'review' | 'no_match' | string;
  /** The matcher's explanation; tolerate other shapes (the API documents it as unknown). */
  readonly explanation: Explanation | unknown;
  readonly review?: ReviewInForce;
}

export interface ScreenResult {
  readonly query: ScreenQuery;
  readonly matches: readonly ScreenMatch[];
  readonly took_ms: number;
}

export interface BatchJob {
  readonly id: string;
  readonly status: 'queued' | 'running' | 'done' | 'failed' | string;
  readonly total?: number;
  readonly done: number;
  readonly errors: number;
  readonly error?: string;
}

export interface BatchRow {
  readonly row: number;
  readonly id: string;
  readonly query: ScreenQuery;
  readonly matches: readonly ScreenMatch[];
  readonly error?: string;
}

/** A batch row without explanations (results?view=summary). */
export interface BatchRowSummary {
  readonly row: number;
  readonly id: string;
  readonly query: ScreenQuery;
  readonly matchCount: number;
  readonly bands: Readonly<Record<string, number>>;
  readonly top?: Omit<ScreenMatch, 'explanation'>;
  readonly error?: string;
}

// Entities and lists

export interface EntityName {
  readonly full: string;
  readonly kind: 'primary' | 'alias_strong' | 'alias_weak';
  readonly script?: string;
  readonly given?: string;
  readonly middle?: string;
  readonly family?: string;
}

export type BirthDate =
  | { readonly kind: 'exact'; readonly date: string }
  | { readonly kind: 'approximate'; readonly date: string }
  | { readonly kind: 'between'; readonly from: string; readonly to: string };

export interface Entity {
  readonly id: string;
  readonly schema: string;
  readonly names: readonly EntityName[];
  readonly birthDates: readonly BirthDate[];
  readonly birthPlaces: readonly string[];
  readonly gender?: string;
  readonly countries: readonly { readonly code: string; readonly role: string }[];
  readonly identifiers: readonly { readonly type: string; readonly value: string; readonly country?: string; readonly label?: string }[];
  readonly addresses: readonly {
    readonly full: string;
    readonly street?: string;
    readonly city?: string;
    readonly region?: string;
    readonly postalCode?: string;
    readonly country?: string;
  }[];
  readonly sanctions: readonly {
    readonly authority: string;
    readonly program?: string;
    readonly listedOn?: string;
    readonly reason?: string;
  }[];
  readonly notes: readonly string[];
  readonly properties: Readonly<Record<string, readonly string[]>>;
  readonly source: { readonly list: string; readonly sourceId: string; readonly version?: string };
}

export interface EntityView {
  readonly entity: Entity;
  readonly source: { readonly id: string; readonly name: string; readonly url: string | null; readonly urls: readonly string[] };
  readonly version: { readonly id: string; readonly seq: number; readonly importedAt: string; readonly publishedAt: string | null };
}

export interface VersionCounts {
  readonly entities: number;
  readonly bySchema: Readonly<Record<string, number>>;
  readonly names: number;
  readonly aliases: number;
  readonly scripts: Readonly<Record<string, number>>;
  readonly birthDates: number;
  readonly identifiers: number;
  readonly warnings: number;
}

export interface VersionChanges {
  readonly fromVersionId: string;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly unchanged: number;
}

export interface ListVersion {
  readonly id: string;
  readonly seq: number;
  readonly status: string;
  readonly importedAt: string;
  readonly publishedAt: string | null;
  readonly completedAt: string | null;
  readonly counts: VersionCounts | null;
  readonly changes: VersionChanges | null;
  readonly checksum: string;
  readonly fileName: string;
}

export interface ListSource {
  readonly id: string;
  readonly name: string;
  readonly agencyId: string;
  readonly official: boolean;
  readonly format: string | null;
  readonly urls: readonly string[];
  readonly versions: number;
  readonly currentVersion: ListVersion | null;
}

export interface EntityRef {
  readonly id: string;
  readonly schema: string;
  readonly name: string;
}

export type FieldChange =
  | { readonly field: string; readonly kind: 'set'; readonly added: readonly string[]; readonly removed: readonly string[] }
  | { readonly field: string; readonly kind: 'value'; readonly from?: string; readonly to?: string };

export interface ListDiff {
  readonly from: ListVersion;
  readonly to: ListVersion;
  readonly added: readonly EntityRef[];
  readonly removed: readonly EntityRef[];
  readonly changed: readonly (EntityRef & { readonly changes: readonly FieldChange[] })[];
  readonly unchanged: number;
}

export interface UpdateResult {
  readonly source: string;
  readonly status: string;
  readonly error?: string;
}

// Reviews

export interface Review {
  readonly id: string;
  readonly query: ScreenQuery;
  readonly entityId: string;
  readonly entityHash: string;
  readonly decision: Decision;
  readonly reason: string;
  readonly by: string;
  readonly userId: string;
  readonly at: string;
}

// Administration

export interface AdminUser {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly agencyId: string;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface ApiKey {
  readonly id: string;
  readonly agencyId: string;
  readonly userId: string;
  readonly name: string;
  readonly scopes: readonly Permission[];
  readonly prefix: string;
  readonly createdAt: string;
  readonly lastUsedAt?: string;
  readonly revokedAt?: string;
}

export interface Agency {
  readonly id: string;
  readonly name: string;
  readonly createdAt?: string;
}
