/** The screening service the server calls: one query → ranked matches; wired to the app's screening use case by main. */

export interface ScreenQuery {
  readonly name: string;
  readonly dob?: string;
  readonly country?: string;
  readonly schema?: string;
  readonly id?: string;
  readonly gender?: string;
}

export interface ScreenMatch {
  readonly entity_id: string;
  readonly source: string;
  readonly source_id: string;
  readonly name: string;
  readonly schema: string;
  readonly score: number;
  readonly band: string;
  readonly explanation: unknown;
}

export interface ScreeningService {
  /** Matches for the agency (public lists and its own), best first, at most `limit`. */
  screen(agencyId: string, query: ScreenQuery, limit: number): Promise<readonly ScreenMatch[]>;
}
