import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from './server.test-helpers.js';

// Each route of the alert queue, cases, audit and incidents with the permission it declares. security.test.ts
// walks the whole route table for 401s; this pins the permission of each one (a missing one would let any user in).
const ROUTES: Record<string, string> = {
  'GET /api/alerts/queue': 'alerts:read',
  'POST /api/alerts/assign': 'alerts:write',
  'POST /api/alerts/:id/dispose': 'alerts:write',
  'POST /api/alerts/:id/escalate': 'alerts:write',
  'GET /api/cases': 'cases:read',
  'GET /api/cases/assignees': 'cases:read',
  'POST /api/cases': 'cases:write',
  'POST /api/cases/assign': 'cases:write',
  'GET /api/cases/:id': 'cases:read',
  'POST /api/cases/:id/parties': 'cases:write',
  'POST /api/cases/:id/alerts': 'cases:write',
  'POST /api/cases/:id/notes': 'cases:write',
  'PUT /api/cases/:id/assignee': 'cases:write',
  'POST /api/cases/:id/transition': 'cases:write',
  'POST /api/cases/:id/report': 'cases:write',
  'POST /api/cases/:id/report/approve': 'cases:write',
  'POST /api/cases/:id/evidence': 'cases:write',
  'GET /api/cases/:id/evidence/:evidenceId': 'cases:read',
  'GET /api/cases/:id/network': 'cases:read',
  'GET /api/cases/:id/network/expand': 'cases:read',
  'GET /api/cases/:id/str': 'cases:read',
  'GET /api/audit': 'audit:read',
  'GET /api/audit/export': 'audit:read',
  'GET /api/audit/verify': 'audit:read',
  'GET /api/incidents/reference': 'incidents:read',
  'GET /api/incidents': 'incidents:read',
  'GET /api/incidents/stats': 'incidents:read',
  'GET /api/incidents/imports': 'incidents:read',
  'GET /api/incidents/:id': 'incidents:read',
  'POST /api/incidents': 'incidents:write',
  'PUT /api/incidents/:id': 'incidents:write',
  'POST /api/incidents/:id/claims': 'incidents:write',
  'POST /api/incidents/import': 'incidents:write',
  'POST /api/news/ingest': 'incidents:write',
  'GET /api/news/events': 'incidents:read',
  'GET /api/news/events/:id': 'incidents:read',
  'GET /api/news/statistics': 'incidents:read',
};

describe('alert, case, audit and incident routes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer({ screening: false });
  });
  afterAll(async () => t.close());

  it('are in the route table, guarded, each with its permission', () => {
    const table = new Map(t.app.argusRoutes.map((r) => [`${r.method} ${r.url}`, r]));
    for (const [route, permission] of Object.entries(ROUTES)) {
      const r = table.get(route);
      expect(r, route).toBeDefined();
      expect(r?.public, route).toBe(false);
      expect(r?.permission, route).toBe(permission);
    }
  });

  it('are documented in OpenAPI with their zod schemas', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const op = (route: string) => {
      const [method, url] = route.split(' ') as [string, string];
      return doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    };
    for (const route of Object.keys(ROUTES)) expect(op(route), route).toBeDefined();
    const assign = op('POST /api/alerts/assign');
    expect(assign.requestBody.content['application/json'].schema.required).toEqual(['alertIds', 'assignee']);
    expect(op('GET /api/alerts/queue').parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['type', 'severity', 'minAgeHours', 'assignee']),
    );
    expect(op('POST /api/cases/:id/transition').requestBody.content['application/json'].schema.properties.to.enum).toContain('escalated');
    expect(op('GET /api/cases/:id').responses['200'].content['application/json'].schema.properties.actions).toBeDefined();
  });
});
