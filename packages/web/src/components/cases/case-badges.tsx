/** Case status badge, and the labels of statuses and party kinds. */

import { Badge } from '@mantine/core';
import type { CaseStatus, PartyKind } from '../../queries/cases/types.js';

const COLOR: Record<CaseStatus, string> = { open: 'blue', in_review: 'indigo', escalated: 'orange', reported: 'teal', closed: 'gray' };

export const STATUS_LABEL: Record<CaseStatus, string> = {
  open: 'open',
  in_review: 'in review',
  escalated: 'escalated',
  reported: 'reported',
  closed: 'closed',
};

export const PARTY_LABEL: Record<PartyKind, string> = {
  listed_entity: 'listed entity',
  account: 'account',
  person: 'person',
  company: 'company',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return (
    <Badge color={COLOR[status]} size="sm" data-testid="case-status">
      {STATUS_LABEL[status]}
    </Badge>
  );
}
