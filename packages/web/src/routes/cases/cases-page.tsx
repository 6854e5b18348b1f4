/** Cases of the agency: filter by status and assignee, open one, or open a new case by hand. */

import {
  Alert as Notice,
  Box,
  Button,
  Group,
  Modal,
  MultiSelect,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { CaseStatusBadge, STATUS_LABEL } from '../../components/cases/case-badges.js';
import { AppLink } from '../../components/common/app-link.js';
import { formatCount, formatDateTime } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/common/states.js';
import { useCan } from '../../queries/auth/use-session.js';
import { useAssignees } from '../../queries/cases/use-assignees.js';
import { useCases } from '../../queries/cases/use-cases.js';
import { useOpenCase } from '../../queries/cases/use-open-case.js';
import { CASE_STATUSES, type CaseStatus } from '../../queries/cases/types.js';

const PAGE = 50;

export default function CasesPage() {
  const canWrite = useCan('cases:write');
  const assignees = useAssignees();
  const [status, setStatus] = useState<CaseStatus[]>(['open', 'in_review', 'escalated']);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const cases = useCases({ status, ...(assignee ? { assignee } : {}), limit: PAGE, offset: (page - 1) * PAGE });
  return (
    <Box className="argus-page">
      <PageHeader
        title="Cases"
        description={cases.data ? `${formatCount(cases.data.total)} cases` : 'Investigations opened from alerts or by hand'}
        actions={canWrite ? <Button onClick={() => setCreating(true)}>New case</Button> : null}
      />
      <Paper p="sm" mb="sm">
        <Group gap="sm" align="flex-end">
          <MultiSelect
            label="Status"
            w={420}
            data={CASE_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
            value={status}
            onChange={(v) => {
              setStatus(v as CaseStatus[]);
              setPage(1);
            }}
            clearable
          />
          <Select
            label="Assignee"
            w={200}
            placeholder="Anyone"
            data={[{ value: 'me', label: 'Me' }, ...(assignees.data ?? []).map((u) => ({ value: u.username, label: u.username }))]}
            value={assignee}
            onChange={(v) => {
              setAssignee(v);
              setPage(1);
            }}
            clearable
          />
        </Group>
      </Paper>
      {cases.isPending ? (
        <LoadingState label="Loading cases" />
      ) : cases.isError ? (
        <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
      ) : cases.data.items.length === 0 ? (
        <Paper>
          <EmptyState title="No cases match">Escalate an alert from the alert queue, or open a case by hand.</EmptyState>
        </Paper>
      ) : (
        <Paper p={0}>
          <Table className="argus-table" aria-label="Cases" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th w={110}>Status</Table.Th>
                <Table.Th w={110}>Assignee</Table.Th>
                <Table.Th w={80} ta="right">
                  Alerts
                </Table.Th>
                <Table.Th w={110} ta="right">
                  Transactions
                </Table.Th>
                <Table.Th w={90}>Report</Table.Th>
                <Table.Th w={150}>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <AppLink to="/cases/$caseId" params={{ caseId: c.id }} size="sm">
                      {c.title}
                    </AppLink>
                    <Text size="xs" c="dimmed" className="argus-mono">
                      {c.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>{c.assignee ?? '—'}</Table.Td>
                  <Table.Td ta="right">{formatCount(c.alertIds.length)}</Table.Td>
                  <Table.Td ta="right">{formatCount(c.transactionIds.length)}</Table.Td>
                  <Table.Td>{c.report ? `${c.report.reportCode}${c.report.approvedBy ? ' ✓' : ' (pending)'}` : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatDateTime(c.updatedAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {cases.data.total > PAGE ? (
            <Group justify="center" p="sm">
              <Pagination size="sm" total={Math.ceil(cases.data.total / PAGE)} value={page} onChange={setPage} />
            </Group>
          ) : null}
        </Paper>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New case">
        {creating ? <NewCaseForm onDone={() => setCreating(false)} /> : null}
      </Modal>
    </Box>
  );
}

function NewCaseForm({ onDone }: { onDone: () => void }) {
  const open = useOpenCase();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate(
      { title: title.trim() },
      {
        onSuccess: (c) => {
          onDone();
          void navigate({ to: '/cases/$caseId', params: { caseId: c.id } });
        },
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label="Title" required data-autofocus value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
        <Text size="xs" c="dimmed">
          Parties, alerts, notes and evidence are added on the case page.
        </Text>
        {open.isError ? (
          <Notice color="red" variant="light" p="xs" role="alert">
            {open.error.message}
          </Notice>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={open.isPending} disabled={!title.trim()}>
            Open case
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
