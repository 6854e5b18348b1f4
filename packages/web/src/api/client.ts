/**
 * The one way the UI talks to Argus: fetch against /api with the session cookie, the CSRF header on every
 * state-changing request, and application/problem+json answers turned into ApiError with a readable message.
 */

export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly code?: string;
  readonly detail?: string;
  readonly field?: string;
}

/** Messages an analyst can act on, for the codes whose server wording is for developers. */
const READABLE: Record<string, string> = {
  AUTH_REQUIRED: 'Your session has ended. Log in again.',
  AUTH_INVALID: 'Wrong username or password.',
  AUTH_THROTTLED: 'Too many attempts. Wait a few minutes and try again.',
  SERVICE_STARTING: 'Argus is still loading lists and building the screening index. Try again in a moment.',
  STORE_UNAVAILABLE: 'The database is not available. Try again shortly.',
  INTERNAL: 'Something went wrong on the server. The error has been logged.',
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly detail: string | undefined;

  constructor(problem: Problem) {
    const code = problem.code ?? (problem.status === 0 ? 'NETWORK' : `HTTP_${problem.status}`);
    super(ApiError.messageOf(code, problem));
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = code;
    this.field = problem.field;
    this.detail = problem.detail;
  }

  static messageOf(code: string, p: Problem): string {
    const readable = READABLE[code];
    if (readable) return readable;
    if (code === 'NETWORK') return 'Cannot reach the Argus server. Check the connection and try again.';
    const text = p.detail || p.title || `Request failed (HTTP ${p.status})`;
    const sentence = text.charAt(0).toUpperCase() + text.slice(1);
    return p.field && !text.includes(p.field) ? `${sentence} (field: ${p.field})` : sentence;
  }
}

/** Called once per 401 on an authenticated request, so the app can return to the login page. */
let onUnauthorized: (() => void) | undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Leave 401 to the caller (the login form and the session probe). */
  readonly quiet401?: boolean;
}

const SAFE = new Set(['GET', 'HEAD']);

async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem> & { message?: string };
      return { ...body, status: res.status, ...(body.detail === undefined && body.message ? { detail: body.message } : {}) };
    } catch {
      // fall through to the status alone
    }
  }
  return { status: res.status, title: res.statusText };
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (!SAFE.has(method)) headers['x-argus-csrf'] = '1';
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(payload !== undefined ? { body: payload } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0 });
  }
  if (!res.ok) {
    const problem = await problemOf(res);
    if (res.status === 401 && !options.quiet401) onUnauthorized?.();
    throw new ApiError(problem);
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

/** Builds a query string from the defined values only. */
export function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
