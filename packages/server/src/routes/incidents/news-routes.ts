/** News reports → events: upload article text or HTML (several files at once), read events with their reports, incidents and statistics. */

import { ArgusError } from '@argus/core';
import { type ByteSource, bytesSource } from '@argus/core/text';
import { getNewsEvent, type IncidentsDeps, ingestNews, listNewsEvents, listReportedStatistics } from '@argus/app/incidents';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../../server-deps.js';
import { NewsEvent } from './incident-schemas.js';

/** Reports per ingest: clustering compares every pair, so a request stays at a size a person uploads. */
const MAX_REPORTS = 200;
const MAX_REPORT_BYTES = 2 * 1024 * 1024;

const JsonBody = z.object({
  reports: z
    .array(z.object({ name: z.string().trim().min(1).max(300), text: z.string().min(1).max(MAX_REPORT_BYTES) }))
    .min(1)
    .max(MAX_REPORTS),
});
const IdParams = z.object({ id: z.string().min(1).max(300) });
const StatsQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .optional(),
});

type Note = (request: FastifyRequest, action: string, subject: string, details: Record<string, unknown>) => Promise<void>;

async function uploaded(request: FastifyRequest): Promise<ByteSource[]> {
  const out: ByteSource[] = [];
  for await (const f of request.files({ limits: { files: MAX_REPORTS, fileSize: MAX_REPORT_BYTES } })) {
    let bytes: Buffer;
    try {
      bytes = await f.toBuffer();
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new ArgusError('INPUT_INVALID', `${f.filename}: a report is limited to ${MAX_REPORT_BYTES} bytes`, {
          location: { file: f.filename },
        });
      }
      throw e;
    }
    out.push(bytesSource(f.filename || `report-${out.length + 1}.txt`, new Uint8Array(bytes)));
  }
  return out;
}

export async function newsRoutes(
  app: FastifyInstance,
  _deps: ServerDeps,
  depsOf: (request: FastifyRequest) => IncidentsDeps,
  note: Note,
): Promise<void> {
  app.post(
    '/api/news/ingest',
    {
      config: { permission: 'incidents:write' },
      schema: {
        tags: ['news'],
        summary: 'Ingest news reports (multipart files, or JSON {reports: [{name, text}]}); every report lands in exactly one event',
        consumes: ['multipart/form-data', 'application/json'],
      },
    },
    async (request, reply) => {
      let files: ByteSource[];
      if (request.isMultipart()) files = await uploaded(request);
      else {
        const parsed = JsonBody.safeParse(request.body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = issue?.path.join('.') ?? '';
          throw new ArgusError('INPUT_INVALID', `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'}`, { location: { field } });
        }
        files = parsed.data.reports.map((r) => bytesSource(r.name, r.text));
      }
      if (files.length === 0) throw new ArgusError('INPUT_INVALID', 'no reports in the upload', { location: { field: 'file' } });
      const r = await ingestNews(depsOf(request), { files });
      await note(request, 'news.ingest', `reports:${files.length}`, {
        reports: files.map((f) => f.name),
        events: r.events.map((e) => e.id),
        incidents: r.events.reduce((n, e) => n + e.incidents.length, 0),
      });
      return reply.code(201).send(r);
    },
  );

  app.get(
    '/api/news/events',
    {
      config: { permission: 'incidents:read' },
      schema: { tags: ['news'], summary: 'News events, newest first', response: { 200: z.object({ events: z.array(NewsEvent) }) } },
    },
    async (request) => ({
      events: [...(await listNewsEvents(depsOf(request)))].sort(
        (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id),
      ),
    }),
  );

  app.get(
    '/api/news/events/:id',
    {
      config: { permission: 'incidents:read' },
      schema: {
        tags: ['news'],
        summary: 'One event with its reports (and what was extracted), incidents and statistics',
        params: IdParams,
      },
    },
    async (request) => getNewsEvent(depsOf(request), (request.params as z.infer<typeof IdParams>).id),
  );

  app.get(
    '/api/news/statistics',
    {
      config: { permission: 'incidents:read' },
      schema: { tags: ['news'], summary: 'Statistics quoted by news reports, with their provenance', querystring: StatsQuery },
    },
    async (request) => ({
      statistics: await listReportedStatistics(depsOf(request), (request.query as z.infer<typeof StatsQuery>).period),
    }),
  );
}
