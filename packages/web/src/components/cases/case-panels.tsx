/** The case page's panels: parties (with adding one), linked alerts, transactions, notes, evidence and the report. */

import {
  Alert as Notice,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { CaseDetail, PartyKind } from '../../queries/cases/types.js';
import { useCaseAction } from '../../queries/cases/use-case-action.js';
import { casePath } from '../../queries/cases/use-case.js';
import { AlertStatusBadge, SeverityBadge } from '../alerts/alert-badges.js';
import { AppLink } from '../common/app-link.js';
import { formatDateTime } from '../common/format.js';
import { EmptyState } from '../common/states.js';
import { PARTY_LABEL } from './case-badges.js';
import { downloadFile } from './download-file.js';
import { amountText } from './network-graph.js';

function ActionError({ error, onClose }: { error: Error | null; onClose: () => void }) {
  return error ? (
    <Notice color="red" variant="light" p="xs" role="alert" withCloseButton onClose={onClose}>
      {error.message}
    </Notice>
  ) : null;
}

export function PartiesPanel({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const c = detail.case;
  const action = useCaseAction(c.id);
  const [kind, setKind] = useState<PartyKind>('person');
  const [ref, setRef] = useState('');
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate(
      {
        kind: 'parties',
        parties: [
          { kind, ref: ref.trim(), ...(name.trim() ? { name: name.trim() } : {}), ...(country.trim() ? { country: country.trim() } : {}) },
        ],
      },
      {
        onSuccess: () => {
          setRef('');
          setName('');
          setCountry('');
        },
      },
    );
  };
  return (
    <Stack gap="sm">
      {c.parties.length === 0 ? (
        <EmptyState title="No parties yet" />
      ) : (
        <Table className="argus-table" aria-label="Parties">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>Kind</Table.Th>
              <Table.Th>Reference</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th w={80}>Country</Table.Th>
              <Table.Th>Institution</Table.Th>
              <Table.Th w={120}>Role</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.parties.map((p) => (
              <Table.Tr key={`${p.kind}:${p.ref}`}>
                <Table.Td>{PARTY_LABEL[p.kind]}</Table.Td>
                <Table.Td className="argus-mono">
                  {p.kind === 'listed_entity' ? (
                    <AppLink to="/entities/$entityId" params={{ entityId: p.ref }} size="sm">
                      {p.ref}
                    </AppLink>
                  ) : (
                    p.ref
                  )}
                </Table.Td>
                <Table.Td dir="auto">{p.name ?? '—'}</Table.Td>
                <Table.Td>{p.country ?? '—'}</Table.Td>
                <Table.Td>{p.institution ?? '—'}</Table.Td>
                <Table.Td>{p.role ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && c.status !== 'closed' ? (
        <form onSubmit={submit} aria-label="Add a party">
          <Group gap="xs" align="flex-end">
            <Select
              label="Kind"
              w={140}
              data={(['person', 'company', 'account', 'listed_entity'] as const).map((k) => ({ value: k, label: PARTY_LABEL[k] }))}
              value={kind}
              allowDeselect={false}
              onChange={(v) => setKind((v ?? 'person') as PartyKind)}
            />
            <TextInput
              label="Reference"
              required
              w={200}
              value={ref}
              onChange={(e) => setRef(e.currentTarget.value)}
              placeholder="account no., entity id…"
            />
            <TextInput label="Name" w={220} value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <TextInput
              label="Country"
              w={90}
              maxLength={2}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
              placeholder="PK"
            />
            <Button type="submit" variant="default" loading={action.isPending} disabled={!ref.trim()}>
              Add party
            </Button>
          </Group>
        </form>
      ) : null}
      <ActionError error={action.error} onClose={() => action.reset()} />
    </Stack>
  );
}

export function AlertsPanel({ detail }: { detail: CaseDetail }) {
  return detail.alerts.length === 0 ? (
    <EmptyState title="No linked alerts">This case was opened by hand.</EmptyState>
  ) : (
    <Table className="argus-table" aria-label="Linked alerts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>Severity</Table.Th>
          <Table.Th w={140}>Type</Table.Th>
          <Table.Th>Explanation</Table.Th>
          <Table.Th w={150}>Detected</Table.Th>
          <Table.Th w={90}>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {detail.alerts.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <SeverityBadge severity={a.severity} />
            </Table.Td>
            <Table.Td className="argus-mono">{a.type}</Table.Td>
            <Table.Td>{a.explanation}</Table.Td>
            <Table.Td>{formatDateTime(a.detectedAt)}</Table.Td>
            <Table.Td>
              <AlertStatusBadge status={a.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function TransactionsPanel({ detail }: { detail: CaseDetail }) {
  return (
    <Stack gap="xs">
      {detail.missingTransactions.length > 0 ? (
        <Notice color="yellow" variant="light" p="xs">
          {detail.missingTransactions.length} linked transaction(s) are not in the store:{' '}
          {detail.missingTransactions.slice(0, 5).join(', ')}
        </Notice>
      ) : null}
      {detail.transactions.length === 0 ? (
        <EmptyState title="No transactions" />
      ) : (
        <Table className="argus-table" aria-label="Transactions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Time</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th w={80}>Channel</Table.Th>
              <Table.Th>Id</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.transactions.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{formatDateTime(t.time)}</Table.Td>
                <Table.Td>
                  <Text size="sm" className="argus-mono">
                    {t.originator.account}
                  </Text>
                  <Text size="xs" c="dimmed" dir="auto">
                    {[t.originator.name, t.originator.country, t.originator.institution].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="argus-mono">
                    {t.beneficiary.account}
                  </Text>
                  <Text size="xs" c="dimmed" dir="auto">
                    {[t.beneficiary.name, t.beneficiary.country, t.beneficiary.institution].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{amountText(t)}</Table.Td>
                <Table.Td>{t.channel ?? '—'}</Table.Td>
                <Table.Td className="argus-mono">{t.id}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function NotesPanel({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const c = detail.case;
  const action = useCaseAction(c.id);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate({ kind: 'note', text: text.trim() }, { onSuccess: () => setText('') });
  };
  return (
    <Stack gap="sm">
      {c.notes.length === 0 ? (
        <EmptyState title="No notes yet" />
      ) : (
        c.notes.map((n) => (
          <Paper key={n.id} p="xs">
            <Text size="xs" c="dimmed">
              {n.author} · {formatDateTime(n.at)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {n.text}
            </Text>
          </Paper>
        ))
      )}
      {canWrite && c.status !== 'closed' ? (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              label="New note"
              autosize
              minRows={2}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={20000}
            />
            <Group justify="flex-end">
              <Button type="submit" variant="default" loading={action.isPending} disabled={!text.trim()}>
                Add note
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <ActionError error={action.error} onClose={() => action.reset()} />
    </Stack>
  );
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function EvidencePanel({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const c = detail.case;
  const action = useCaseAction(c.id);
  const [downloadError, setDownloadError] = useState<string | undefined>(undefined);
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        Files are stored with their SHA-256 and size; the type is read from the bytes, never from the name. They are only ever downloaded,
        never opened in the browser.
      </Text>
      {c.evidence.length === 0 ? (
        <EmptyState title="No evidence yet" />
      ) : (
        <Table className="argus-table" aria-label="Evidence">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th w={170}>Type (sniffed)</Table.Th>
              <Table.Th w={90} ta="right">
                Size
              </Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th w={170}>Uploaded</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.evidence.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    dir="auto"
                    onClick={() =>
                      void downloadFile(`${casePath(c.id)}/evidence/${encodeURIComponent(e.id)}`, e.fileName).catch((x: Error) =>
                        setDownloadError(x.message),
                      )
                    }
                  >
                    {e.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" color="gray" variant="outline">
                    {e.contentType}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{size(e.size)}</Table.Td>
                <Table.Td>
                  <Text size="xs" className="argus-mono" title={e.sha256}>
                    {e.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {e.uploadedBy} · {formatDateTime(e.uploadedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && c.status !== 'closed' ? (
        <Group>
          <FileButton onChange={(f) => f && action.mutate({ kind: 'evidence', file: f })}>
            {(props) => (
              <Button {...props} variant="default" loading={action.isPending}>
                Attach evidence…
              </Button>
            )}
          </FileButton>
        </Group>
      ) : null}
      <ActionError error={action.error} onClose={() => action.reset()} />
      {downloadError ? (
        <Notice color="red" variant="light" p="xs" role="alert" withCloseButton onClose={() => setDownloadError(undefined)}>
          {downloadError}
        </Notice>
      ) : null}
    </Stack>
  );
}

export function ReportPanel({ detail }: { detail: CaseDetail }) {
  const r = detail.case.report;
  if (!r) {
    return (
      <EmptyState title="No report requested">
        Move the case to escalated and request an STR or SAR; a second person then approves it (four eyes).
      </EmptyState>
    );
  }
  return (
    <Stack gap="xs" aria-label="Report request">
      <Group gap="xs">
        <Badge size="md">{r.reportCode}</Badge>
        {r.approvedBy ? (
          <Badge size="md" color="teal" data-testid="report-approved">
            approved by {r.approvedBy}
          </Badge>
        ) : (
          <Badge size="md" color="orange">
            awaiting a second person's approval
          </Badge>
        )}
      </Group>
      <Text size="sm">
        Requested by {r.requestedBy} · {formatDateTime(r.requestedAt)}
        {r.approvedAt ? ` · approved ${formatDateTime(r.approvedAt)}` : ''}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {r.reason}
      </Text>
      {r.indicators.length ? (
        <Text size="xs" c="dimmed">
          Indicators: {r.indicators.join(', ')}
        </Text>
      ) : null}
    </Stack>
  );
}
