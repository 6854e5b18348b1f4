/**
 * One case: parties, alerts, transactions, the network (expand any account by one hop), notes, evidence, the
 * status actions, the report request, four-eyes approval by a second person, and the goAML STR download.
 */

import {
  Alert as Notice,
  Box,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { CaseStatusBadge, STATUS_LABEL } from '../../components/cases/case-badges.js';
import {
  AlertsPanel,
  EvidencePanel,
  NotesPanel,
  PartiesPanel,
  ReportPanel,
  TransactionsPanel,
} from '../../components/cases/case-panels.js';
import { downloadFile } from '../../components/cases/download-file.js';
import { NetworkGraph } from '../../components/cases/network-graph.js';
import { formatDateTime } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { ErrorState, LoadingState } from '../../components/common/states.js';
import { useCan } from '../../queries/auth/use-session.js';
import { useAssignees } from '../../queries/cases/use-assignees.js';
import { useCaseAction } from '../../queries/cases/use-case-action.js';
import { casePath, useCase } from '../../queries/cases/use-case.js';
import { useCaseNetwork } from '../../queries/cases/use-case-network.js';
import type { CaseDetail, CaseStatus } from '../../queries/cases/types.js';

export default function CasePage() {
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const detail = useCase(caseId);
  if (detail.isPending) return <LoadingState label="Loading case" />;
  if (detail.isError)
    return (
      <Box className="argus-page">
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} title="Could not load the case" />
      </Box>
    );
  return <CaseView detail={detail.data} />;
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const c = detail.case;
  const canWrite = useCan('cases:write');
  const [tab, setTab] = useState<string | null>('overview');
  return (
    <Box className="argus-page">
      <PageHeader
        title={c.title}
        description={
          <>
            <span className="argus-mono">{c.id}</span> · opened by {c.createdBy} {formatDateTime(c.createdAt)} · updated{' '}
            {formatDateTime(c.updatedAt)}
            {c.closeReason ? ` · closed: ${c.closeReason}` : ''}
          </>
        }
        actions={<CaseStatusBadge status={c.status} />}
      />
      <Paper p="sm" mb="sm">
        <CaseActionsBar detail={detail} canWrite={canWrite} />
      </Paper>
      <Paper p="sm">
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="overview">Overview</Tabs.Tab>
            <Tabs.Tab value="network">Network</Tabs.Tab>
            <Tabs.Tab value="notes">Notes ({c.notes.length})</Tabs.Tab>
            <Tabs.Tab value="evidence">Evidence ({c.evidence.length})</Tabs.Tab>
            <Tabs.Tab value="report">Report</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview">
            <Stack gap="md">
              <section>
                <Text fw={600} size="sm" mb={4} component="h2">
                  Parties
                </Text>
                <PartiesPanel detail={detail} canWrite={canWrite} />
              </section>
              <section>
                <Text fw={600} size="sm" mb={4} component="h2">
                  Alerts
                </Text>
                <AlertsPanel detail={detail} />
              </section>
              <section>
                <Text fw={600} size="sm" mb={4} component="h2">
                  Transactions
                </Text>
                <TransactionsPanel detail={detail} />
              </section>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="network">
            <NetworkTab caseId={c.id} />
          </Tabs.Panel>
          <Tabs.Panel value="notes">
            <NotesPanel detail={detail} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="evidence">
            <EvidencePanel detail={detail} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="report">
            <ReportPanel detail={detail} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Box>
  );
}

function NetworkTab({ caseId }: { caseId: string }) {
  const net = useCaseNetwork(caseId);
  if (net.isPending) return <LoadingState label="Loading network" />;
  if (net.isError) return <ErrorState error={net.error} onRetry={() => void net.refetch()} />;
  return <NetworkGraph caseId={caseId} initial={net.data} />;
}

const TRANSITION_LABEL: Partial<Record<CaseStatus, string>> = {
  open: 'Reopen',
  in_review: 'Start review',
  escalated: 'Escalate',
  closed: 'Close…',
};

function CaseActionsBar({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const c = detail.case;
  const action = useCaseAction(c.id);
  const assignees = useAssignees();
  const [closing, setClosing] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const [strState, setStrState] = useState<{ busy: boolean; message?: string; error?: string }>({ busy: false });
  const pending = c.report && !c.report.approvedBy;

  const downloadStr = async () => {
    setStrState({ busy: true });
    try {
      const h = await downloadFile(`${casePath(c.id)}/str`, `str-${c.id}.xml`);
      const approved = h.get('x-argus-report-approved') === 'true';
      setStrState({
        busy: false,
        message: approved
          ? 'STR downloaded; it validated against the goAML schema.'
          : 'Draft downloaded (validated against the schema, but not yet approved by a second person).',
      });
    } catch (e) {
      setStrState({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Assignee"
          w={200}
          placeholder="Unassigned"
          disabled={!canWrite || c.status === 'closed' || action.isPending}
          data={(assignees.data ?? []).map((u) => ({ value: u.username, label: u.username }))}
          value={c.assignee ?? null}
          onChange={(v) => action.mutate({ kind: 'assign', assignee: v })}
          clearable
        />
        {canWrite
          ? detail.actions.transitions.map((to) => (
              <Button
                key={to}
                variant={to === 'closed' ? 'default' : 'light'}
                loading={action.isPending && action.variables?.kind === 'transition' && action.variables.to === to}
                onClick={() => (to === 'closed' ? setClosing(true) : action.mutate({ kind: 'transition', to }))}
              >
                {TRANSITION_LABEL[to] ?? STATUS_LABEL[to]}
              </Button>
            ))
          : null}
        {canWrite && detail.actions.canRequestReport ? <Button onClick={() => setRequesting(true)}>Request report…</Button> : null}
        {pending && canWrite ? (
          <Tooltip label={detail.actions.approveRefusal ?? 'Approve as the second person'} withArrow>
            <span>
              <Button
                color="teal"
                disabled={!detail.actions.canApprove}
                loading={action.isPending && action.variables?.kind === 'approve'}
                onClick={() => action.mutate({ kind: 'approve' })}
              >
                Approve report
              </Button>
            </span>
          </Tooltip>
        ) : null}
        <Button variant="default" loading={strState.busy} onClick={() => void downloadStr()}>
          Download STR (goAML XML)
        </Button>
      </Group>
      {pending && !detail.actions.canApprove && detail.actions.approveRefusal ? (
        <Text size="xs" c="dimmed">
          Four eyes: {detail.actions.approveRefusal}.
        </Text>
      ) : null}
      {action.isError ? (
        <Notice color="red" variant="light" p="xs" role="alert" withCloseButton onClose={() => action.reset()}>
          {action.error.message}
        </Notice>
      ) : null}
      {strState.error ? (
        <Notice color="red" variant="light" p="xs" role="alert" withCloseButton onClose={() => setStrState({ busy: false })}>
          {strState.error}
        </Notice>
      ) : strState.message ? (
        <Notice color="teal" variant="light" p="xs" role="status" withCloseButton onClose={() => setStrState({ busy: false })}>
          {strState.message}
        </Notice>
      ) : null}
      <Modal opened={closing} onClose={() => setClosing(false)} title="Close case">
        {closing ? <CloseForm caseId={c.id} onDone={() => setClosing(false)} /> : null}
      </Modal>
      <Modal opened={requesting} onClose={() => setRequesting(false)} title="Request a report">
        {requesting ? <ReportForm caseId={c.id} onDone={() => setRequesting(false)} /> : null}
      </Modal>
    </Stack>
  );
}

function CloseForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const action = useCaseAction(caseId);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate({ kind: 'transition', to: 'closed', reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Textarea
          label="Reason"
          required
          autosize
          minRows={2}
          data-autofocus
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {action.isError ? (
          <Notice color="red" variant="light" p="xs" role="alert">
            {action.error.message}
          </Notice>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={action.isPending} disabled={!reason.trim()}>
            Close case
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReportForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const action = useCaseAction(caseId);
  const [code, setCode] = useState<'STR' | 'SAR'>('STR');
  const [reason, setReason] = useState('');
  const [indicators, setIndicators] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate(
      {
        kind: 'request-report',
        reportCode: code,
        reason: reason.trim(),
        indicators: indicators
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <SegmentedControl
          value={code}
          onChange={(v) => setCode(v as 'STR' | 'SAR')}
          aria-label="Report type"
          data={[
            { value: 'STR', label: 'STR (transactions)' },
            { value: 'SAR', label: 'SAR (activity)' },
          ]}
        />
        <Textarea
          label="Reason for suspicion"
          description="Sent to the FIU in the report."
          required
          autosize
          minRows={3}
          data-autofocus
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <TextInput
          label="Indicators"
          description="The FIU's indicator codes, separated by commas (its own lookup list)."
          value={indicators}
          onChange={(e) => setIndicators(e.currentTarget.value)}
        />
        <Text size="xs" c="dimmed">
          A second person in an approving role must approve the request before the case is reported.
        </Text>
        {action.isError ? (
          <Notice color="red" variant="light" p="xs" role="alert">
            {action.error.message}
          </Notice>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={action.isPending} disabled={!reason.trim()}>
            Request report
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
