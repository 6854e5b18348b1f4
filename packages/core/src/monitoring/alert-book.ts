/**
 * The open alerts: detections of one type on overlapping accounts are grouped into one alert that grows, and
 * every alert's id is derived from its type, anchor accounts and time bucket, so a replayed input makes the
 * same ids and no duplicates.
 */

import { createHash } from 'node:crypto';
import type { Alert, Severity } from '../model/transaction.js';
import type { GroupingConfig } from './monitoring-config.js';
import type { TransactionWindow } from './transaction-window.js';

/** What a rule or typology found on one transaction, in the window's account numbers and edge ids. */
export interface Detection {
  readonly type: string;
  /**
   * Detections of one group on overlapping anchors become one alert (fan-in, fan-out and gather-scatter are the
   * `star` group; cycles and layering chains the `flow` group); the alert takes the type of its strongest detection.
   */
  readonly group?: string;
  readonly kind: Alert['kind'];
  readonly severity: Severity;
  /** In [0, 1]. */
  readonly score: number;
  /** The accounts that identify the pattern (the hub of a fan-in, the members of a cycle): alerts of one type sharing one are grouped. */
  readonly anchors: readonly number[];
  /** Every account involved (anchors included). */
  readonly accounts: readonly number[];
  readonly edges: readonly number[];
  readonly explanation: string;
  readonly facts: Readonly<Record<string, unknown>>;
}

interface EdgeSnapshot {
  readonly from: string;
  readonly to: string;
  readonly tx: string;
  readonly amount: number;
  readonly time: string;
}

interface OpenAlert {
  readonly id: string;
  type: string;
  readonly kind: Alert['kind'];
  severity: Severity;
  score: number;
  readonly accounts: string[];
  readonly accountSet: Set<number>;
  readonly anchors: Set<number>;
  readonly edges: Map<string, EdgeSnapshot>;
  explanation: string;
  facts: Readonly<Record<string, unknown>>;
  /** Event time (ms) of the newest transaction involved. */
  lastTime: number;
  detections: number;
  /** Transactions held when the alert was last handed out; growth beyond double that is handed out again. */
  emittedEdges: number;
  dirty: boolean;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

export type IdFor = (type: string, key: string) => string;

/** `fan_in-3f9c…`: the type and 20 hex digits of SHA-256 over the key. */
export const defaultIdFor: IdFor = (type, key) => `${type}-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;

export class AlertBook {
  readonly #config: GroupingConfig;
  readonly #idFor: IdFor;
  /** group → anchor account → open alert. */
  readonly #open = new Map<string, Map<number, OpenAlert>>();
  readonly #dirty = new Set<OpenAlert>();
  #created = 0;
  #updated = 0;

  constructor(config: GroupingConfig, idFor: IdFor = defaultIdFor) {
    this.#config = config;
    this.#idFor = idFor;
  }

  get created(): number {
    return this.#created;
  }

  get updated(): number {
    return this.#updated;
  }

  get openCount(): number {
    let n = 0;
    for (const m of this.#open.values()) n += new Set(m.values()).size;
    return n;
  }

  /**
   * Records a detection at event time `now`; returns the alert to hand out now (new, grown by accounts, or
   * grown well beyond what was last handed out), or undefined when the change can wait for `drain`.
   */
  record(d: Detection, w: TransactionWindow, now: number): Alert | undefined {
    const group = d.group ?? d.type;
    let byAnchor = this.#open.get(group);
    if (!byAnchor) {
      byAnchor = new Map();
      this.#open.set(group, byAnchor);
    }
    let alert: OpenAlert | undefined;
    for (const a of d.anchors) {
      const found = byAnchor.get(a);
      if (!found) continue;
      if (found.lastTime < now - this.#config.openMs) {
        byAnchor.delete(a);
        continue;
      }
      alert = found;
      break;
    }
    if (!alert) {
      alert = this.#create(d, w, now);
      for (const a of d.anchors) byAnchor.set(a, alert);
      this.#created++;
      alert.emittedEdges = alert.edges.size;
      return toAlert(alert);
    }
    const accountsBefore = alert.accounts.length;
    const edgesBefore = alert.edges.size;
    this.#merge(alert, d, w, now);
    for (const a of d.anchors) {
      if (!byAnchor.has(a) && alert.anchors.size < this.#config.maxAccounts) {
        alert.anchors.add(a);
        byAnchor.set(a, alert);
      }
    }
    if (alert.accounts.length === accountsBefore && alert.edges.size === edgesBefore) return undefined;
    this.#updated++;
    if (alert.accounts.length > accountsBefore || alert.edges.size >= 2 * alert.emittedEdges) {
      alert.emittedEdges = alert.edges.size;
      alert.dirty = false;
      this.#dirty.delete(alert);
      return toAlert(alert);
    }
    alert.dirty = true;
    this.#dirty.add(alert);
    return undefined;
  }

  /** Alerts changed since they were last handed out. */
  drain(): Alert[] {
    const out: Alert[] = [];
    for (const a of this.#dirty) {
      a.dirty = false;
      a.emittedEdges = a.edges.size;
      out.push(toAlert(a));
    }
    this.#dirty.clear();
    return out;
  }

  /** Forgets alerts closed before `before` (event time), keeping the index small on long streams. */
  sweep(before: number): void {
    for (const [type, byAnchor] of this.#open) {
      for (const [a, alert] of byAnchor) if (alert.lastTime < before && !alert.dirty) byAnchor.delete(a);
      if (byAnchor.size === 0) this.#open.delete(type);
    }
  }

  #create(d: Detection, w: TransactionWindow, now: number): OpenAlert {
    const anchorNames = d.anchors.map((a) => w.accounts[a] as string).sort();
    const bucket = Math.floor(now / this.#config.bucketMs);
    const id = this.#idFor(d.type, `${d.group ?? d.type}|${anchorNames.join('\u001f')}|${bucket}`);
    const alert: OpenAlert = {
      id,
      type: d.type,
      kind: d.kind,
      severity: d.severity,
      score: d.score,
      accounts: [],
      accountSet: new Set(),
      anchors: new Set(d.anchors),
      edges: new Map(),
      explanation: d.explanation,
      facts: d.facts,
      lastTime: now,
      detections: 0,
      emittedEdges: 0,
      dirty: false,
    };
    this.#merge(alert, d, w, now);
    return alert;
  }

  #merge(alert: OpenAlert, d: Detection, w: TransactionWindow, now: number): void {
    alert.detections++;
    for (const a of d.accounts) {
      if (alert.accountSet.has(a) || alert.accounts.length >= this.#config.maxAccounts) continue;
      alert.accountSet.add(a);
      alert.accounts.push(w.accounts[a] as string);
    }
    for (const e of d.edges) {
      if (alert.edges.size >= this.#config.maxTransactions) break;
      const s = w.slot(e);
      const tx = w.tx[s];
      if (tx === undefined || alert.edges.has(tx)) continue;
      const time = w.timeAt(s);
      if (time > alert.lastTime) alert.lastTime = time;
      alert.edges.set(tx, {
        from: w.accounts[w.srcAt(s)] as string,
        to: w.accounts[w.dstAt(s)] as string,
        tx,
        amount: w.amountAt(s),
        time: new Date(time).toISOString(),
      });
    }
    if (now > alert.lastTime) alert.lastTime = now;
    if (SEVERITY_RANK[d.severity] > SEVERITY_RANK[alert.severity]) alert.severity = d.severity;
    if (d.score >= alert.score || alert.detections === 1) {
      alert.score = Math.max(alert.score, d.score);
      alert.type = d.type;
      alert.explanation = d.explanation;
      alert.facts = d.facts;
    }
  }
}

function toAlert(a: OpenAlert): Alert {
  const edges = [...a.edges.values()];
  const grouped = a.detections > 1 ? ` (${a.detections} detections on overlapping accounts grouped)` : '';
  return {
    id: a.id,
    type: a.type,
    kind: a.kind,
    severity: a.severity,
    score: Math.round(a.score * 1000) / 1000,
    accounts: [...a.accounts],
    transactions: edges.map((e) => e.tx),
    explanation: `${a.explanation}${grouped}`,
    detectedAt: new Date(a.lastTime).toISOString(),
    status: 'new',
    subgraph: { nodes: [...a.accounts], edges },
    facts: { ...a.facts, detections: a.detections },
  };
}
