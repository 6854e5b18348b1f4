/**
 * The audit log for auditors and admins: browse by actor, action, subject and time; export the (filtered) log as
 * JSON lines or CSV (the export is itself recorded); verify the hash chain, which names the first bad entry.
 */

import { Alert as Notice, Box, Button, Code, Group, Paper, Popover, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { downloadFile } from '../../components/cases/download-file.js';
import { formatCount, formatDateTime } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/common/states.js';
import { auditExportUrl, useAuditLog } from '../../queries/audit/use-audit-log.js';
import { useVerifyAudit } from '../../queries/audit/use-verify-audit.js';
import type { AuditEntry, AuditFilter } from '../../queries/audit/types.js';

const PAGE = 100;

function Json({ value }: { value: unknown }) {
  if (value === undefined || value === null) return <Text size="xs">—</Text>;
  const text = JSON.stringify(value, null, 2);
  const short = JSON.stringify(value);
  // Previews stay short so the table fits the page; the popover shows the whole document.
  if (short.length <= 26)
    return (
      <Text size="xs" className="argus-mono">
        {short}
      </Text>
    );
  return (
    <Popover width={420} position="bottom-start" shadow="md">
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" title={short.slice(0, 200)}>
          {short.slice(0, 22)}…
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Code block style={{ maxHeight: 320, overflow: 'auto' }}>
          {text}
        </Code>
      </Popover.Dropdown>
    </Popover>
  );
}

export default function AuditPage() {
  const [draft, setDraft] = useState<AuditFilter>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  const [cursor, setCursor] = useState<number[]>([0]);
  const after = cursor.at(-1) ?? 0;
  const log = useAuditLog(filter, after, PAGE);
  const verify = useVerifyAudit();
  const [exportError, setExportError] = useState<string | undefined>(undefined);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const clean = Object.fromEntries(Object.entries(draft).filter(([, v]) => typeof v === 'string' && v.trim())) as AuditFilter;
    setFilter(clean);
    setCursor([0]);
  };
  const field = (key: keyof AuditFilter, label: string, placeholder: string, w = 170) => (
    <TextInput
      label={label}
      w={w}
      placeholder={placeholder}
      value={draft[key] ?? ''}
      onChange={(e) => {
        // Read the value now: the event's currentTarget is gone by the time React runs the updater.
        const value = e.currentTarget.value;
        setDraft((d) => ({ ...d, [key]: value }));
      }}
    />
  );
  const exportAs = (format: 'jsonl' | 'csv') =>
    void downloadFile(auditExportUrl(filter, format), `audit.${format}`).then(
      () => void log.refetch(),
      (e: Error) => setExportError(e.message),
    );

  return (
    <Box className="argus-page">
      <PageHeader
        title="Audit log"
        description={
          log.data
            ? `${formatCount(log.data.total)} entries, each hash covering the one before it (newest #${log.data.headSeq})`
            : 'Every state change: who, what, on which subject, before and after'
        }
        actions={
          <>
            <Button variant="default" onClick={() => exportAs('jsonl')}>
              Export JSON lines
            </Button>
            <Button variant="default" onClick={() => exportAs('csv')}>
              Export CSV
            </Button>
            <Button onClick={() => verify.mutate()} loading={verify.isPending}>
              Verify chain
            </Button>
          </>
        }
      />
      {verify.data ? (
        verify.data.intact ? (
          <Notice color="teal" variant="light" mb="sm" role="status" title="Audit chain intact" data-testid="audit-verify">
            {formatCount(verify.data.entries)} entries verified at {formatDateTime(verify.data.verifiedAt)}; head hash{' '}
            <span className="argus-mono">{verify.data.headHash?.slice(0, 16)}…</span> (record it outside Argus to detect truncation).
          </Notice>
        ) : (
          <Notice
            color="red"
            variant="filled"
            mb="sm"
            role="alert"
            title={`Audit chain broken at entry #${verify.data.firstBadSeq}`}
            data-testid="audit-verify"
          >
            {verify.data.message} ({verify.data.reason}; {formatCount(verify.data.entries)} entries before it verified)
          </Notice>
        )
      ) : null}
      {verify.isError ? <ErrorState error={verify.error} title="Could not verify" /> : null}
      {exportError ? (
        <Notice color="red" variant="light" mb="sm" role="alert" withCloseButton onClose={() => setExportError(undefined)}>
          {exportError}
        </Notice>
      ) : null}
      <Paper p="sm" mb="sm">
        <form onSubmit={apply} aria-label="Filter the audit log">
          <Group gap="sm" align="flex-end">
            {field('actor', 'Actor', 'username')}
            {field('action', 'Action', 'case.transition')}
            {field('subject', 'Subject', 'case:case_…', 220)}
            {field('from', 'From', 'YYYY-MM-DD', 130)}
            {field('to', 'Before', 'YYYY-MM-DD', 130)}
            <Button type="submit" variant="default">
              Apply
            </Button>
          </Group>
        </form>
      </Paper>
      {log.isPending ? (
        <LoadingState label="Loading the audit log" />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.items.length === 0 ? (
        <Paper>
          <EmptyState title="No entries match" />
        </Paper>
      ) : (
        <Paper p={0}>
          <Table className="argus-table" aria-label="Audit entries" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50} ta="right">
                  #
                </Table.Th>
                <Table.Th w={130}>Time</Table.Th>
                <Table.Th w={90}>Actor</Table.Th>
                <Table.Th w={160}>Action</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th w={175}>Before</Table.Th>
                <Table.Th w={175}>After</Table.Th>
                <Table.Th w={100}>Hash</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.map((e: AuditEntry) => (
                <Table.Tr key={e.seq}>
                  <Table.Td ta="right">{e.seq}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatDateTime(e.time)}</Text>
                  </Table.Td>
                  <Table.Td>{e.actor}</Table.Td>
                  <Table.Td className="argus-mono" style={{ overflowWrap: 'anywhere' }}>
                    {e.action}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" className="argus-mono" lineClamp={1} title={e.subject}>
                      {e.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Json value={e.before} />
                  </Table.Td>
                  <Table.Td>
                    <Json value={e.after} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" className="argus-mono" title={`hash ${e.hash}\nprevious ${e.prevHash}`}>
                      {e.hash.slice(0, 10)}…
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" p="sm">
            <Button size="xs" variant="default" disabled={cursor.length < 2} onClick={() => setCursor((c) => c.slice(0, -1))}>
              Previous
            </Button>
            <Text size="xs" c="dimmed">
              from #{log.data.items[0]?.seq} to #{log.data.items.at(-1)?.seq}
            </Text>
            <Button
              size="xs"
              variant="default"
              disabled={log.data.nextAfterSeq === undefined}
              onClick={() => log.data.nextAfterSeq !== undefined && setCursor((c) => [...c, log.data.nextAfterSeq as number])}
            >
              Next
            </Button>
          </Group>
        </Paper>
      )}
    </Box>
  );
}
