/** zod contracts of the alert queue and case routes: request validation and the OpenAPI document. */

import { CASE_STATUSES } from '@argus/core/cases';
import { z } from 'zod';

export const Severity = z.enum(['low', 'medium', 'high', 'critical']);
export const AlertStatus = z.enum(['new', 'assigned', 'dismissed', 'escalated']);

export const Alert = z.object({
  id: z.string(),
  type: z.string(),
  kind: z.enum(['rule', 'typology', 'screening']),
  severity: Severity,
  score: z.number(),
  accounts: z.array(z.string()),
  transactions: z.array(z.string()),
  explanation: z.string(),
  detectedAt: z.string(),
  status: AlertStatus,
  subgraph: z.unknown().optional(),
  facts: z.record(z.string(), z.unknown()).optional(),
});

export const Party = z.object({
  account: z.string(),
  name: z.string().optional(),
  country: z.string().optional(),
  institution: z.string().optional(),
});

export const Transaction = z.object({
  id: z.string(),
  time: z.string(),
  amount: z.number(),
  currency: z.string(),
  baseAmount: z.number().optional(),
  originator: Party,
  beneficiary: Party,
  channel: z.string().optional(),
  purpose: z.string().optional(),
});

export const CaseStatus = z.enum(CASE_STATUSES);

export const CaseParty = z.object({
  kind: z.enum(['listed_entity', 'account', 'person', 'company']),
  ref: z.string().trim().min(1).max(300),
  name: z.string().trim().max(500).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166 alpha-2 code')
    .transform((s) => s.toUpperCase())
    .optional(),
  institution: z.string().trim().max(300).optional(),
  role: z.string().trim().max(100).optional(),
});

const Evidence = z.object({
  id: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number(),
  contentType: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});

export const Case = z.object({
  id: z.string(),
  agencyId: z.string(),
  title: z.string(),
  status: CaseStatus,
  closeReason: z.string().optional(),
  assignee: z.string().optional(),
  parties: z.array(CaseParty),
  alertIds: z.array(z.string()),
  transactionIds: z.array(z.string()),
  notes: z.array(z.object({ id: z.string(), author: z.string(), text: z.string(), at: z.string() })),
  evidence: z.array(Evidence),
  report: z
    .object({
      reportCode: z.enum(['STR', 'SAR']),
      reason: z.string(),
      indicators: z.array(z.string()),
      requestedBy: z.string(),
      requestedAt: z.string(),
      approvedBy: z.string().optional(),
      approvedAt: z.string().optional(),
    })
    .optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const CaseEnvelope = z.object({ case: Case });

/** A comma-separated query value as a list (`severity=high,critical`). */
export const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

export const IdParams = z.object({ id: z.string().min(1).max(200) });

export const Network = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      institution: z.string().optional(),
      country: z.string().optional(),
      party: z.boolean(),
      flagged: z.boolean(),
      degree: z.number(),
    }),
  ),
  edges: z.array(
    z.object({
      id: z.string(),
      from: z.string(),
      to: z.string(),
      amount: z.number(),
      currency: z.string().optional(),
      time: z.string(),
      channel: z.string().optional(),
      inCase: z.boolean(),
    }),
  ),
});
