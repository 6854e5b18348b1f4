/** The shapes of the alert queue, case and network endpoints (see /api/openapi.json, tags alerts and cases). */

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
export type AlertStatus = 'new' | 'assigned' | 'dismissed' | 'escalated';

export interface Alert {
  readonly id: string;
  readonly type: string;
  readonly kind: 'rule' | 'typology' | 'screening';
  readonly severity: Severity;
  readonly score: number;
  readonly accounts: readonly string[];
  readonly transactions: readonly string[];
  readonly explanation: string;
  readonly detectedAt: string;
  readonly status: AlertStatus;
  readonly assignee?: string;
}

export interface QueuedAlert {
  readonly alert: Alert;
  readonly ageHours: number;
  readonly slaRemainingHours: number;
  readonly overdue: boolean;
  readonly assignee?: string;
}

export interface AlertQueue {
  readonly items: readonly QueuedAlert[];
  readonly total: number;
  readonly slaHours: number;
  /** False while transaction monitoring is not configured for the store. */
  readonly monitoring: boolean;
}

export interface TxParty {
  readonly account: string;
  readonly name?: string;
  readonly country?: string;
  readonly institution?: string;
}

export interface Transaction {
  readonly id: string;
  readonly time: string;
  readonly amount: number;
  readonly currency: string;
  readonly baseAmount?: number;
  readonly originator: TxParty;
  readonly beneficiary: TxParty;
  readonly channel?: string;
  readonly purpose?: string;
}

export type CaseStatus = 'open' | 'in_review' | 'escalated' | 'reported' | 'closed';
export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'in_review', 'escalated', 'reported', 'closed'];
export type PartyKind = 'listed_entity' | 'account' | 'person' | 'company';

export interface CaseParty {
  readonly kind: PartyKind;
  readonly ref: string;
  readonly name?: string;
  readonly country?: string;
  readonly institution?: string;
  readonly role?: string;
}

export interface CaseNote {
  readonly id: string;
  readonly author: string;
  readonly text: string;
  readonly at: string;
}

export interface Evidence {
  readonly id: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

export interface ReportRequest {
  readonly reportCode: 'STR' | 'SAR';
  readonly reason: string;
  readonly indicators: readonly string[];
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
}

export interface CaseFile {
  readonly id: string;
  readonly title: string;
  readonly status: CaseStatus;
  readonly closeReason?: string;
  readonly assignee?: string;
  readonly parties: readonly CaseParty[];
  readonly alertIds: readonly string[];
  readonly transactionIds: readonly string[];
  readonly notes: readonly CaseNote[];
  readonly evidence: readonly Evidence[];
  readonly report?: ReportRequest;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface CaseActions {
  readonly transitions: readonly CaseStatus[];
  readonly canRequestReport: boolean;
  readonly canApprove: boolean;
  readonly approveRefusal?: string;
}

export interface CaseDetail {
  readonly case: CaseFile;
  readonly alerts: readonly Alert[];
  readonly transactions: readonly Transaction[];
  readonly missingTransactions: readonly string[];
  readonly actions: CaseActions;
}

export interface NetworkNode {
  readonly id: string;
  readonly label: string;
  readonly institution?: string;
  readonly country?: string;
  readonly party: boolean;
  readonly flagged: boolean;
  readonly degree: number;
}

export interface NetworkEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  readonly currency?: string;
  readonly time: string;
  readonly channel?: string;
  readonly inCase: boolean;
}

export interface Network {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

export interface Expansion extends Network {
  readonly truncated: boolean;
  readonly source: 'transactions' | 'alerts' | 'none';
}

export interface Assignee {
  readonly username: string;
  readonly role: string;
}
