/** The one error handler: ArgusError codes (and Fastify's own errors) → application/problem+json. */

import { ArgusError, ERROR_CODES, type ErrorCode, isArgusError } from '@argus/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { safeJson } from './zod-schemas.js';

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail: string;
  readonly instance: string;
  readonly field?: string;
}

export function problem(request: FastifyRequest, error: ArgusError): ProblemBody {
  const field = error.location?.field;
  return {
    type: `urn:argus:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: ERROR_CODES[error.code].message,
    status: error.status,
    code: error.code,
    detail: error.message,
    instance: request.url.split('?')[0] ?? request.url,
    ...(field !== undefined ? { field } : {}),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: ArgusError): FastifyReply {
  const body = problem(request, error);
  const retry = error.details?.retryAfterSeconds;
  if (typeof retry === 'number') void reply.header('retry-after', String(retry));
  return reply.code(body.status).type('application/problem+json').send(safeJson(body));
}

/** Maps what Fastify and its plugins throw (validation, body size, rate limit, bad JSON) onto our codes. */
function toArgusError(error: FastifyError & { field?: string }): ArgusError {
  if (isArgusError(error)) return error;
  if (error.validation !== undefined || error.code === 'FST_ERR_VALIDATION') {
    const field = error.field ?? error.validation?.[0]?.instancePath?.replace(/^\//, '').replace(/\//g, '.');
    return new ArgusError('INPUT_INVALID', error.message, field ? { location: { field } } : undefined);
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return new ArgusError('AUTH_THROTTLED', 'too many requests; slow down');
  if (status === 413) return new ArgusError('INPUT_INVALID', 'the request body is too large');
  if (status === 415) return new ArgusError('INPUT_INVALID', 'unsupported content type');
  if (status >= 400 && status < 500) return new ArgusError('INPUT_INVALID', error.message);
  return new ArgusError('INTERNAL', 'internal error', { cause: error });
}

export function installProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const argus = toArgusError(error);
    if (argus.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, argus);
  });
}
