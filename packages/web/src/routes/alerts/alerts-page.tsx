/**
 * The alert queue: filter by type, severity, age and assignee; alerts aged against the SLA (overdue
 * first); select several and assign them; dismiss one as a false positive with a reason, or escalate it to a case.
 */

import {
  Alert as Notice,
  Box,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Pagination,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { AlertStatusBadge, hours, SeverityBadge, SlaBadge } from '../../components/alerts/alert-badges.js';
import { formatCount, formatDateTime } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/common/states.js';
import { useCan } from '../../queries/auth/use-session.js';
import { type QueueFilter, useAlertQueue } from '../../queries/alerts/use-alert-queue.js';
import { useAssignAlerts } from '../../queries/alerts/use-assign-alerts.js';
import { useDisposeAlert } from '../../queries/alerts/use-dispose-alert.js';
import { useEscalateAlert } from '../../queries/alerts/use-escalate-alert.js';
import { useAssignees } from '../../queries/cases/use-assignees.js';
import { type AlertStatus, type QueuedAlert, SEVERITIES, type Severity } from '../../queries/cases/types.js';

const PAGE = 50;
const VIEWS: { value: string; label: string; status: AlertStatus[] }[] = [
  { value: 'open', label: 'To work', status: ['new', 'assigned'] },
  { value: 'dismissed', label: 'Dismissed', status: ['dismissed'] },
  { value: 'escalated', label: 'Escalated', status: ['escalated'] },
];

export default function AlertsPage() {
  const navigate = useNavigate();
  const canWrite = useCan('alerts:write');
  const assignees = useAssignees();
  const [type, setType] = useState('');
  const [severity, setSeverity] = useState<Severity[]>([]);
  const [view, setView] = useState('open');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [minAge, setMinAge] = useState<number | ''>('');
  const [maxAge, setMaxAge] = useState<number | ''>('');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkUser, setBulkUser] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState<QueuedAlert | undefined>(undefined);

  const filter: QueueFilter = {
    ...(type.trim() ? { type: type.trim() } : {}),
    ...(severity.length ? { severity } : {}),
    status: VIEWS.find((v) => v.value === view)?.status ?? ['new', 'assigned'],
    ...(minAge !== '' ? { minAgeHours: minAge } : {}),
    ...(maxAge !== '' ? { maxAgeHours: maxAge } : {}),
    ...(overdue ? { overdue: true } : {}),
    ...(assignee ? { assignee } : {}),
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const queue = useAlertQueue(filter);
  const assign = useAssignAlerts();
  const escalate = useEscalateAlert();
  const items = queue.data?.items ?? [];
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.alert.id));
  const userOptions = useMemo(
    () => (assignees.data ?? []).map((u) => ({ value: u.username, label: `${u.username} (${u.role})` })),
    [assignees.data],
  );

  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const reset = () => {
    setPage(1);
    setSelected(new Set());
  };

  return (
    <Box className="argus-page">
      <PageHeader
        title="Alert queue"
        description={
          queue.data
            ? `${formatCount(queue.data.total)} alerts · SLA ${queue.data.slaHours} h from detection · overdue first, then severity, then age`
            : 'Alerts from screening and transaction monitoring'
        }
      />
      <Paper p="sm" mb="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Show"
            w={130}
            data={VIEWS.map(({ value, label }) => ({ value, label }))}
            value={view}
            allowDeselect={false}
            onChange={(v) => {
              setView(v ?? 'open');
              reset();
            }}
          />
          <TextInput
            label="Type"
            w={170}
            placeholder="structuring, fan_in…"
            value={type}
            onChange={(e) => {
              setType(e.currentTarget.value);
              reset();
            }}
          />
          <MultiSelect
            label="Severity"
            w={230}
            data={SEVERITIES.map((s) => ({ value: s, label: s }))}
            value={severity}
            onChange={(v) => {
              setSeverity(v as Severity[]);
              reset();
            }}
            clearable
          />
          <Select
            label="Assignee"
            w={190}
            placeholder="Anyone"
            data={[{ value: 'me', label: 'Me' }, { value: 'none', label: 'Unassigned' }, ...userOptions]}
            value={assignee}
            onChange={(v) => {
              setAssignee(v);
              reset();
            }}
            clearable
          />
          <NumberInput
            label="Older than (h)"
            w={120}
            min={0}
            value={minAge}
            onChange={(v) => {
              setMinAge(typeof v === 'number' ? v : '');
              reset();
            }}
          />
          <NumberInput
            label="Newer than (h)"
            w={120}
            min={0}
            value={maxAge}
            onChange={(v) => {
              setMaxAge(typeof v === 'number' ? v : '');
              reset();
            }}
          />
          <Switch
            label="Overdue only"
            checked={overdue}
            onChange={(e) => {
              setOverdue(e.currentTarget.checked);
              reset();
            }}
            mb={8}
          />
        </Group>
      </Paper>

      {canWrite && selected.size > 0 ? (
        <Paper p="xs" mb="sm" aria-label="Bulk actions">
          <Group gap="sm">
            <Text size="sm" fw={500}>
              {selected.size} selected
            </Text>
            <Select
              size="xs"
              w={220}
              placeholder="Assign to…"
              aria-label="Assign to"
              data={userOptions}
              value={bulkUser}
              onChange={setBulkUser}
            />
            <Button
              size="xs"
              disabled={!bulkUser}
              loading={assign.isPending}
              onClick={() =>
                bulkUser && assign.mutate({ alertIds: [...selected], assignee: bulkUser }, { onSuccess: () => setSelected(new Set()) })
              }
            >
              Assign
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
              Clear
            </Button>
          </Group>
        </Paper>
      ) : null}
      {assign.isError || escalate.isError ? (
        <Notice
          color="red"
          variant="light"
          mb="sm"
          role="alert"
          withCloseButton
          onClose={() => {
            assign.reset();
            escalate.reset();
          }}
        >
          {(assign.error ?? escalate.error)?.message}
        </Notice>
      ) : null}
      {assign.data && assign.data.missing.length > 0 ? (
        <Notice color="yellow" variant="light" mb="sm">
          Not found: {assign.data.missing.join(', ')}
        </Notice>
      ) : null}

      {queue.isPending ? (
        <LoadingState label="Loading alerts" />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : !queue.data.monitoring ? (
        <Paper>
          <EmptyState title="Transaction monitoring is not configured">Alerts appear here once monitoring ingests transactions.</EmptyState>
        </Paper>
      ) : items.length === 0 ? (
        <Paper>
          <EmptyState title="No alerts match">Change the filters, or wait for monitoring to raise new alerts.</EmptyState>
        </Paper>
      ) : (
        <Paper p={0}>
          <Table className="argus-table" aria-label="Alerts" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                {canWrite ? (
                  <Table.Th w={32}>
                    <Checkbox
                      size="xs"
                      aria-label="Select all on this page"
                      checked={allSelected}
                      indeterminate={!allSelected && items.some((i) => selected.has(i.alert.id))}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.alert.id)))}
                    />
                  </Table.Th>
                ) : null}
                <Table.Th w={100}>Severity</Table.Th>
                <Table.Th w={130}>Type</Table.Th>
                <Table.Th>Explanation</Table.Th>
                <Table.Th w={120}>Accounts</Table.Th>
                {/* Detection, age and SLA share a column (and status with assignee) so the explanation keeps its width. */}
                <Table.Th w={140}>Detected · SLA</Table.Th>
                <Table.Th w={110}>Status</Table.Th>
                {canWrite ? <Table.Th w={150} ta="right" /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((q) => {
                const a = q.alert;
                const open = a.status === 'new' || a.status === 'assigned';
                return (
                  <Table.Tr key={a.id} data-alert-id={a.id}>
                    {canWrite ? (
                      <Table.Td>
                        <Checkbox
                          size="xs"
                          aria-label={`Select alert ${a.id}`}
                          checked={selected.has(a.id)}
                          onChange={() => toggle(a.id)}
                        />
                      </Table.Td>
                    ) : null}
                    <Table.Td>
                      <SeverityBadge severity={a.severity} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" className="argus-mono">
                        {a.type}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.kind} · score {a.score.toFixed(2)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2} title={a.explanation}>
                        {a.explanation}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" className="argus-mono" lineClamp={2}>
                        {a.accounts.join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{formatDateTime(a.detectedAt)}</Text>
                      <Text size="xs" c="dimmed" mb={open ? 4 : 0}>
                        {hours(q.ageHours)} ago
                      </Text>
                      {open ? <SlaBadge remaining={q.slaRemainingHours} slaHours={queue.data.slaHours} /> : null}
                    </Table.Td>
                    <Table.Td>
                      <AlertStatusBadge status={a.status} />
                      <Text size="xs" mt={4} c={q.assignee ? 'bright' : 'dimmed'}>
                        {q.assignee ?? 'unassigned'}
                      </Text>
                    </Table.Td>
                    {canWrite ? (
                      <Table.Td>
                        {open ? (
                          <Group gap={6} justify="flex-end" wrap="nowrap">
                            <Button size="compact-xs" variant="default" onClick={() => setDismissing(q)}>
                              Dismiss
                            </Button>
                            <Button
                              size="compact-xs"
                              loading={escalate.isPending && escalate.variables?.alertId === a.id}
                              onClick={() =>
                                escalate.mutate(
                                  { alertId: a.id },
                                  { onSuccess: (c) => void navigate({ to: '/cases/$caseId', params: { caseId: c.id } }) },
                                )
                              }
                            >
                              Escalate
                            </Button>
                          </Group>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {queue.data.total > PAGE ? (
            <Group justify="center" p="sm">
              <Pagination
                size="sm"
                total={Math.ceil(queue.data.total / PAGE)}
                value={page}
                onChange={(p) => {
                  setPage(p);
                  setSelected(new Set());
                }}
              />
            </Group>
          ) : null}
        </Paper>
      )}
      <Modal opened={dismissing !== undefined} onClose={() => setDismissing(undefined)} title="Dismiss as false positive">
        {dismissing ? <DismissForm item={dismissing} onDone={() => setDismissing(undefined)} /> : null}
      </Modal>
    </Box>
  );
}

function DismissForm({ item, onDone }: { item: QueuedAlert; onDone: () => void }) {
  const dispose = useDisposeAlert();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    dispose.mutate({ alertId: item.alert.id, reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm">
          <Text span className="argus-mono">
            {item.alert.type}
          </Text>{' '}
          on {item.alert.accounts.join(', ')}: {item.alert.explanation}
        </Text>
        <Textarea
          label="Reason"
          description="Recorded with your name in the audit log."
          required
          autosize
          minRows={3}
          data-autofocus
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {dispose.isError ? (
          <Notice color="red" variant="light" p="xs" role="alert">
            {dispose.error.message}
          </Notice>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={dispose.isPending} disabled={!reason.trim()}>
            Dismiss alert
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
