/** The one closed list of Argus error codes, each with its HTTP status; the CLI prints the same code. */

export const ERROR_CODES = {
  INPUT_INVALID: { status: 400, message: 'The input is not valid' },
  LIST_FORMAT_UNKNOWN: { status: 400, message: 'The list format could not be recognised' },
  LIST_PARSE_FAILED: { status: 422, message: 'The list file could not be parsed' },
  LIST_EMPTY: { status: 422, message: 'The list file holds no entities' },
  LIST_SOURCE_UNKNOWN: { status: 404, message: 'No such list source' },
  LIST_VERSION_UNKNOWN: { status: 404, message: 'No such list version' },
  LIST_FETCH_FAILED: { status: 502, message: 'The list could not be downloaded' },
  ENTITY_NOT_FOUND: { status: 404, message: 'No such entity' },
  SCREEN_QUERY_INVALID: { status: 400, message: 'The screening query is not valid' },
  TRANSACTION_INVALID: { status: 400, message: 'The transaction is not valid' },
  TRANSACTION_PARSE_FAILED: { status: 422, message: 'The transaction file could not be parsed' },
  MONITOR_CONFIG_INVALID: { status: 400, message: 'The monitoring configuration is not valid' },
  ALERT_NOT_FOUND: { status: 404, message: 'No such alert' },
  CASE_NOT_FOUND: { status: 404, message: 'No such case' },
  CASE_TRANSITION_INVALID: { status: 409, message: 'That case transition is not allowed' },
  REPORT_INVALID: { status: 422, message: 'The report does not validate' },
  AUDIT_CHAIN_BROKEN: { status: 409, message: 'The audit chain is broken' },
  INCIDENT_NOT_FOUND: { status: 404, message: 'No such incident' },
  INCIDENT_IMPORT_FAILED: { status: 422, message: 'The incident file could not be imported' },
  AUTH_REQUIRED: { status: 401, message: 'Authentication is required' },
  AUTH_INVALID: { status: 401, message: 'The credentials are not valid' },
  AUTH_FORBIDDEN: { status: 403, message: 'Not allowed' },
  AUTH_THROTTLED: { status: 429, message: 'Too many attempts' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  CONFLICT: { status: 409, message: 'Conflict' },
  STORE_UNAVAILABLE: { status: 503, message: 'The store is not available' },
  SERVICE_STARTING: { status: 503, message: 'The service is still starting' },
  INTERNAL: { status: 500, message: 'Internal error' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where in an input the problem is: a file, and a line, column, byte offset or field where known. */
export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
  readonly field?: string;
  readonly record?: string;
}

/**
 * The one error type Argus raises at its boundaries. Expected outcomes are returned as values;
 * an ArgusError is for input that cannot be processed at all, or for an infrastructure fault.
 */
export class ArgusError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options?: { location?: ErrorLocation; details?: Record<string, unknown>; cause?: unknown },
  ) {
    super(message ?? ERROR_CODES[code].message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ArgusError';
    this.code = code;
    this.location = options?.location;
    this.details = options?.details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  /** "file:line:column" or "file (byte 123)" — for messages that name the place. */
  static where(location: ErrorLocation | undefined): string {
    if (!location) return '';
    const parts: string[] = [];
    if (location.file) parts.push(location.file);
    if (location.line !== undefined) parts.push(`line ${location.line}${location.column !== undefined ? `:${location.column}` : ''}`);
    if (location.offset !== undefined) parts.push(`byte ${location.offset}`);
    if (location.record) parts.push(`record ${location.record}`);
    if (location.field) parts.push(`field ${location.field}`);
    return parts.join(', ');
  }
}

export function isArgusError(value: unknown): value is ArgusError {
  return value instanceof ArgusError;
}

/** A result for operations that "never throw but return". */
export type Result<T, E = ArgusError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
