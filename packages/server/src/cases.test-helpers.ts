/** Fixtures for the alert, case and audit API tests: in-memory monitoring per agency, users of every role, multipart bodies. */

import type { Alert, Transaction } from '@argus/core';
import { type AlertSource, memoryAlertSource } from '@argus/app/cases';
import type { CasesConfig } from './routes/cases/cases-context.js';
import { type TestServer, testServer } from './server.test-helpers.js';

export const csrf = { 'x-argus-csrf': '1' } as const;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

export function alert(id: string, more: Partial<Alert> = {}): Alert {
  return {
    id,
    type: 'structuring',
    kind: 'rule',
    severity: 'high',
    score: 0.8,
    accounts: ['ACC-1'],
    transactions: ['tx_1', 'tx_2'],
    explanation: 'cash deposits just below the reporting threshold',
    detectedAt: hoursAgo(1),
    status: 'new',
    ...more,
  };
}

export function transactions(): Transaction[] {
  return [
    {
      id: 'tx_1',
      time: '2026-01-01T09:00:00Z',
      amount: 9900,
      currency: 'USD',
      originator: { account: 'ACC-1', name: 'R & D <Ltd>' },
      beneficiary: { account: 'ACC-9', country: 'AE' },
      channel: 'cash',
    },
    {
      id: 'tx_2',
      time: '2026-01-01T10:00:00Z',
      amount: 9950,
      currency: 'USD',
      originator: { account: 'ACC-1' },
      beneficiary: { account: 'ACC-9' },
    },
    // Not in any alert: reached only by expanding ACC-9 one hop.
    {
      id: 'tx_3',
      time: '2026-01-05T10:00:00Z',
      amount: 19000,
      currency: 'USD',
      originator: { account: 'ACC-9', name: 'Gulf Holdings' },
      beneficiary: { account: 'ACC-7', country: 'PK' },
    },
  ];
}

/** Alerts of agency `default`: overdue high structuring, fresh low fan-in, critical cycle; agency-b has one of its own. */
export function defaultAlerts(): Alert[] {
  return [
    alert('al_old', { detectedAt: hoursAgo(60) }),
    alert('al_fan', { type: 'fan_in', severity: 'low', detectedAt: hoursAgo(2), accounts: ['ACC-5'], transactions: [] }),
    alert('al_cycle', { type: 'cycle', severity: 'critical', detectedAt: hoursAgo(10), accounts: ['ACC-9'], transactions: ['tx_2'] }),
  ];
}

export interface CasesTestServer extends TestServer {
  readonly monitoring: Map<string, ReturnType<typeof memoryAlertSource>>;
  /** Session cookies by username. */
  readonly as: Record<string, string>;
}

/**
 * A test server whose agencies have in-memory monitoring, with users alice (analyst), bob (reviewer),
 * carol (analyst), audrey (auditor), admin (admin) in `default` and eve (reviewer) in `agency-b`.
 */
export async function casesTestServer(config: CasesConfig = {}): Promise<CasesTestServer> {
  const monitoring = new Map<string, ReturnType<typeof memoryAlertSource>>([
    ['default', memoryAlertSource(defaultAlerts(), transactions())],
    ['agency-b', memoryAlertSource([alert('al_b', { accounts: ['B-1'], transactions: [] })], [])],
  ]);
  const t = await testServer({
    screening: false,
    extra: {
      cases: { slaHours: 48, alertSource: (store): AlertSource | undefined => monitoring.get(store.agencyId), ...config },
    },
  });
  const as: Record<string, string> = {};
  for (const [agency, name, role] of [
    ['default', 'alice', 'analyst'],
    ['default', 'bob', 'reviewer'],
    ['default', 'carol', 'analyst'],
    ['default', 'audrey', 'auditor'],
    ['default', 'admin', 'admin'],
    ['agency-b', 'eve', 'reviewer'],
  ] as const) {
    await t.user(agency, name, role);
    as[name] = await t.login(name);
  }
  return Object.assign(t, { monitoring, as });
}

/** A multipart/form-data body with one file field. */
export function multipart(
  fileName: string,
  bytes: Uint8Array | string,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----argus-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: text/html\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
