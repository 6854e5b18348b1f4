/** Reading what monitoring produced (alerts with their transactions, rejected records) and keeping its configuration. */

import { ArgusError, type Transaction } from '@argus/core';
import { DEFAULT_MONITORING_CONFIG } from '@argus/core/monitoring';
import { auditAppend } from '../audit/audit-log.js';
import type { AlertFilter, RejectionFilter, StoredAlert, StoredRejection } from '../ports/monitoring-repo.js';
import type { MonitoringDeps } from './monitoring-session.js';
import { INDICATIVE_USD_RATES, parseMonitoringSettings } from './monitoring-settings.js';

export async function listAlerts(
  deps: Pick<MonitoringDeps, 'store'>,
  filter: AlertFilter = {},
): Promise<{ items: StoredAlert[]; total: number }> {
  const { limit: _l, offset: _o, ...where } = filter;
  const [items, total] = await Promise.all([deps.store.monitoring.listAlerts(filter), deps.store.monitoring.countAlerts(where)]);
  return { items, total };
}

/** One alert with the transactions it cites; ALERT_NOT_FOUND when the agency has no such alert. */
export async function getAlertDetail(
  deps: Pick<MonitoringDeps, 'store'>,
  id: string,
): Promise<{ alert: StoredAlert; transactions: Transaction[] }> {
  const alert = await deps.store.monitoring.getAlert(id);
  if (!alert) throw new ArgusError('ALERT_NOT_FOUND', `no alert ${id}`, { location: { record: id } });
  return { alert, transactions: await deps.store.monitoring.getTransactions(alert.transactions) };
}

export async function listRejections(
  deps: Pick<MonitoringDeps, 'store'>,
  filter: RejectionFilter = {},
): Promise<{ items: StoredRejection[]; total: number }> {
  const { limit: _l, offset: _o, ...where } = filter;
  const [items, total] = await Promise.all([deps.store.monitoring.listRejections(filter), deps.store.monitoring.countRejections(where)]);
  return { items, total };
}

export interface ConfigView {
  /** 0 while the agency runs on the defaults. */
  readonly version: number;
  /** The stored document, or the defaults (with the indicative rates) when none is stored. */
  readonly config: unknown;
  readonly savedAt?: string;
  readonly savedBy?: string;
}

export async function getMonitoringConfig(deps: Pick<MonitoringDeps, 'store'>, version?: number): Promise<ConfigView> {
  const stored = await deps.store.monitoring.getConfig(version);
  if (stored) return stored;
  if (version !== undefined && version !== 0) {
    throw new ArgusError('NOT_FOUND', `no monitoring configuration version ${version}`, { location: { field: 'version' } });
  }
  return { version: 0, config: { ...DEFAULT_MONITORING_CONFIG, rates: INDICATIVE_USD_RATES } };
}

/**
 * Validates and saves a new configuration version (MONITOR_CONFIG_INVALID naming every bad field otherwise),
 * and records the change in the audit log.
 */
export async function saveMonitoringConfig(
  deps: Pick<MonitoringDeps, 'store' | 'clock'>,
  json: unknown,
  options: { readonly actor: string; readonly file?: string },
): Promise<ConfigView> {
  const parsed = parseMonitoringSettings(json, options.file);
  if (!parsed.ok) throw parsed.error;
  const before = await deps.store.monitoring.getConfig();
  const saved = await deps.store.monitoring.saveConfig(json, { savedAt: deps.clock.now().toISOString(), savedBy: options.actor });
  await auditAppend(deps.store, deps.clock, {
    actor: options.actor,
    action: 'monitoring.config.save',
    subject: `monitoring-config:v${saved.version}`,
    before: { version: before?.version ?? 0 },
    after: { version: saved.version },
  });
  return saved;
}
