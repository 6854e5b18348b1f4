/** Screening: one query (with the agency's review decisions applied), and batch jobs over an uploaded CSV. */

import { ArgusError } from '@argus/core';
import { randomId } from '@argus/app/auth';
import { reviewsFor } from '@argus/app/reviews';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { audit } from '../../audit-hook.js';
import { principalOf } from '../../plugins/auth.js';
import type { ScreeningService, ScreenMatch, ScreenQuery } from '../../screening-service.js';
import type { ServerDeps } from '../../server-deps.js';
import { BatchJobs, batchCsv, batchJsonl, summaryRow } from './batch-jobs.js';

const Query = z.object({
  name: z.string().trim().min(1).max(500),
  dob: z.string().max(32).optional(),
  country: z.string().max(64).optional(),
  schema: z.string().max(32).optional(),
  id: z.string().max(128).optional(),
  gender: z.string().max(16).optional(),
});
const ScreenBody = Query.extend({ limit: z.number().int().min(1).max(100).optional() });
const Review = z.object({ decision: z.string(), reason: z.string(), by: z.string(), at: z.string() });
const Match = z.object({
  entity_id: z.string(),
  source: z.string(),
  source_id: z.string(),
  name: z.string(),
  schema: z.string(),
  score: z.number(),
  band: z.string(),
  explanation: z.unknown(),
  review: Review.optional(),
});
const ScreenResult = z.object({ query: Query, matches: z.array(Match), took_ms: z.number() });
const Job = z.object({
  job: z.object({
    id: z.string(),
    status: z.string(),
    total: z.number().optional(),
    done: z.number(),
    errors: z.number(),
    error: z.string().optional(),
  }),
});
const JobParams = z.object({ jobId: z.string().max(64) });
const Page = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  // summary: the best match and counts per band instead of every explained match (the UI's results table).
  view: z.enum(['full', 'summary']).default('full'),
});
const Download = z.object({ format: z.enum(['jsonl', 'csv']).default('csv') });

function screeningOf(deps: ServerDeps): ScreeningService {
  const s = deps.screening?.();
  if (!s) throw new ArgusError('SERVICE_STARTING', 'the screening index is still loading; try again shortly (see /api/ready)');
  return s;
}

function cleanQuery(q: z.infer<typeof Query>): ScreenQuery {
  const out: Record<string, string> = { name: q.name };
  for (const k of ['dob', 'country', 'schema', 'id', 'gender'] as const) {
    const v = q[k]?.trim();
    if (v) out[k] = v;
  }
  return out as unknown as ScreenQuery;
}

/** Screens and attaches the review decisions in force for this query (one indexed lookup when there are none). */
async function screenWithReviews(deps: ServerDeps, agencyId: string, query: ScreenQuery, limit: number) {
  const matches = await screeningOf(deps).screen(agencyId, query, limit);
  const reviews = await reviewsFor(
    deps.store,
    agencyId,
    query,
    matches.map((m) => m.entity_id),
  );
  if (reviews.size === 0) return matches;
  return matches.map((m): ScreenMatch & { review?: unknown } => {
    const r = reviews.get(m.entity_id);
    return r ? { ...m, review: r } : m;
  });
}

export async function screenRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const jobs = new BatchJobs();

  app.post(
    '/api/screen',
    { config: { permission: 'screen' }, schema: { tags: ['screening'], body: ScreenBody, response: { 200: ScreenResult } } },
    async (request) => {
      const t0 = performance.now();
      const body = request.body as z.infer<typeof ScreenBody>;
      const query = cleanQuery(body);
      const p = principalOf(request);
      const matches = await screenWithReviews(deps, p.agency.id, query, body.limit ?? 10);
      // Who searched for whom is itself evidence (and the record of misuse): every screening is on the audit trail.
      await audit(deps, {
        agencyId: p.agency.id,
        actor: p.user.username,
        action: 'screening.query',
        subject: query.name,
        details: { query, hits: matches.filter((m) => m.band !== 'no_match').map((m) => ({ entity: m.entity_id, band: m.band })) },
      });
      return { query, matches, took_ms: Math.round((performance.now() - t0) * 100) / 100 };
    },
  );

  app.post(
    '/api/screen/batch',
    { config: { permission: 'screen' }, schema: { tags: ['screening'], consumes: ['multipart/form-data'], response: { 202: Job } } },
    async (request: FastifyRequest, reply) => {
      const p = principalOf(request);
      screeningOf(deps);
      if (!request.isMultipart())
        throw new ArgusError('INPUT_INVALID', 'upload the CSV as multipart/form-data field "file"', { location: { field: 'file' } });
      const file = await request.file();
      if (file?.fieldname !== 'file')
        throw new ArgusError('INPUT_INVALID', 'no "file" field in the upload', { location: { field: 'file' } });
      const bytes = await file.toBuffer();
      const id = randomId(deps.auth.random, 'batch');
      const job = jobs.start(
        id,
        p.agency.id,
        file.filename || 'upload.csv',
        bytes,
        (q) => screenWithReviews(deps, p.agency.id, q, 10),
        deps.clock.now().toISOString(),
      );
      await audit(deps, {
        agencyId: p.agency.id,
        actor: p.user.username,
        action: 'screening.batch',
        subject: id,
        details: { file: file.filename || 'upload.csv', bytes: bytes.length },
      });
      return reply.code(202).send({ job: jobView(job) });
    },
  );

  const jobOf = (request: FastifyRequest) => {
    const { jobId } = request.params as z.infer<typeof JobParams>;
    const job = jobs.get(principalOf(request).agency.id, jobId);
    if (!job) throw new ArgusError('NOT_FOUND', `no batch job "${jobId}"`, { location: { field: 'jobId' } });
    return job;
  };

  app.get(
    '/api/screen/batch/:jobId',
    { config: { permission: 'screen' }, schema: { tags: ['screening'], params: JobParams, response: { 200: Job } } },
    async (request) => ({ job: jobView(jobOf(request)) }),
  );

  app.get(
    '/api/screen/batch/:jobId/results',
    { config: { permission: 'screen' }, schema: { tags: ['screening'], params: JobParams, querystring: Page } },
    async (request) => {
      const job = jobOf(request);
      const { offset, limit, view } = request.query as z.infer<typeof Page>;
      const rows = job.rows.slice(offset, offset + (view === 'full' ? Math.min(limit, 1000) : limit));
      return { rows: view === 'full' ? rows : rows.map(summaryRow), total: job.total ?? job.rows.length, status: job.status };
    },
  );

  app.get(
    '/api/screen/batch/:jobId/download',
    { config: { permission: 'screen' }, schema: { tags: ['screening'], params: JobParams, querystring: Download } },
    async (request, reply) => {
      const job = jobOf(request);
      const { format } = request.query as z.infer<typeof Download>;
      void reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
        .header('content-disposition', `attachment; filename="${job.id}.${format}"`);
      return reply.send(Readable.from(format === 'csv' ? batchCsv(job) : batchJsonl(job)));
    },
  );
}

function jobView(job: { id: string; status: string; total?: number; done: number; errors: number; error?: string }) {
  return {
    id: job.id,
    status: job.status,
    ...(job.total !== undefined ? { total: job.total } : {}),
    done: job.done,
    errors: job.errors,
    ...(job.error !== undefined ? { error: job.error } : {}),
  };
}
