/**
 * The changes made on one case (notes, parties, assignee, transitions, report request, four-eyes approval,
 * evidence): each a request to the case's sub-resource; the case, the list and the audit view refresh.
 */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/client.js';
import { caseKey, casePath } from './use-case.js';
import type { CaseFile, CaseParty, CaseStatus, Evidence } from './types.js';

export type CaseAction =
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'parties'; readonly parties: readonly CaseParty[] }
  | { readonly kind: 'assign'; readonly assignee: string | null }
  | { readonly kind: 'transition'; readonly to: CaseStatus; readonly reason?: string }
  | {
      readonly kind: 'request-report';
      readonly reportCode: 'STR' | 'SAR';
      readonly reason: string;
      readonly indicators?: readonly string[];
    }
  | { readonly kind: 'approve' }
  | { readonly kind: 'evidence'; readonly file: File };

type Answer = { case: CaseFile; evidence?: Evidence };

function send(id: string, a: CaseAction): Promise<Answer> {
  const base = casePath(id);
  switch (a.kind) {
    case 'note':
      return api.post(`${base}/notes`, { text: a.text });
    case 'parties':
      return api.post(`${base}/parties`, { parties: a.parties });
    case 'assign':
      return request('PUT', `${base}/assignee`, { assignee: a.assignee });
    case 'transition':
      return api.post(`${base}/transition`, { to: a.to, ...(a.reason ? { reason: a.reason } : {}) });
    case 'request-report':
      return api.post(`${base}/report`, {
        reportCode: a.reportCode,
        reason: a.reason,
        ...(a.indicators?.length ? { indicators: a.indicators } : {}),
      });
    case 'approve':
      return api.post(`${base}/report/approve`);
    case 'evidence': {
      const form = new FormData();
      form.append('file', a.file, a.file.name);
      return request('POST', `${base}/evidence`, form);
    }
  }
}

export function useCaseAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: CaseAction) => send(id, a),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: caseKey(id) });
      void client.invalidateQueries({ queryKey: ['cases', 'list'] });
      void client.invalidateQueries({ queryKey: ['cases', 'network', id] });
      void client.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
