/** Verifies the agency's hash chain on demand (GET /api/audit/verify). */

import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { AuditVerification } from './types.js';

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerification>('/api/audit/verify') });
}
