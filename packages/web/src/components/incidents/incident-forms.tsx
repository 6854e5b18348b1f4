/**
 * Entry forms: record an incident (with its first figures), edit one's details (its claims and sources stay),
 * and add a claim — one figure as one source gave it.
 */

import { Alert as Notice, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useAddClaims } from '../../queries/incidents/use-add-claims.js';
import { useIncidentReference } from '../../queries/incidents/use-incident-reference.js';
import { useRecordIncident } from '../../queries/incidents/use-record-incident.js';
import type { ClaimCategory, ClaimInput, IncidentSummary, Outcome } from '../../queries/incidents/types.js';
import { TYPE_LABEL } from './incident-parts.js';

const QUALIFIER_LABEL: Record<string, string> = {
  exact: 'exactly',
  'at-least': 'at least',
  'more-than': 'more than',
  nearly: 'nearly',
  'up-to': 'up to',
  about: 'about',
  dozens: 'dozens',
  scores: 'scores',
  hundreds: 'hundreds',
  several: 'several',
};
const CATEGORY_OPTIONS: { value: ClaimCategory; label: string }[] = [
  { value: 'total', label: 'people (total)' },
  { value: 'civilian', label: 'civilians' },
  { value: 'security', label: 'security forces' },
  { value: 'militant', label: 'militants' },
  { value: 'unknown', label: 'unknown' },
];

/** The fields of one claim; shared by both forms. */
function ClaimFields({
  value,
  onChange,
  qualifiers,
}: {
  value: ClaimDraft;
  onChange: (c: ClaimDraft) => void;
  qualifiers: readonly string[];
}) {
  return (
    <SimpleGrid cols={3} spacing="xs">
      <Select
        label="Outcome"
        data={[
          { value: 'killed', label: 'killed' },
          { value: 'injured', label: 'injured' },
        ]}
        value={value.outcome}
        allowDeselect={false}
        onChange={(v) => onChange({ ...value, outcome: (v ?? 'killed') as Outcome })}
      />
      <Select
        label="Wording"
        data={qualifiers.map((q) => ({ value: q, label: QUALIFIER_LABEL[q] ?? q }))}
        value={value.qualifier}
        allowDeselect={false}
        onChange={(v) => onChange({ ...value, qualifier: v ?? 'exact' })}
      />
      <NumberInput
        label="Figure"
        min={0}
        required
        value={value.value}
        onChange={(v) => onChange({ ...value, value: typeof v === 'number' ? v : '' })}
      />
      <Select
        label="Who"
        data={CATEGORY_OPTIONS}
        value={value.category}
        allowDeselect={false}
        onChange={(v) => onChange({ ...value, category: (v ?? 'total') as ClaimCategory })}
      />
      <TextInput
        label="Outlet"
        required
        value={value.outlet}
        onChange={(e) => onChange({ ...value, outlet: e.currentTarget.value })}
        placeholder="Dawn, ISPR…"
      />
      <TextInput
        label="Source"
        required
        value={value.source}
        onChange={(e) => onChange({ ...value, source: e.currentTarget.value })}
        placeholder="URL or reference"
      />
      <TextInput label="Reported on" type="date" value={value.time} onChange={(e) => onChange({ ...value, time: e.currentTarget.value })} />
      <Checkbox
        mt={26}
        label="A party's own claim"
        checked={value.ownClaim}
        onChange={(e) => onChange({ ...value, ownClaim: e.currentTarget.checked })}
      />
    </SimpleGrid>
  );
}

interface ClaimDraft {
  outcome: Outcome;
  category: ClaimCategory;
  value: number | '';
  qualifier: string;
  outlet: string;
  source: string;
  time: string;
  ownClaim: boolean;
}

const emptyClaim = (): ClaimDraft => ({
  outcome: 'killed',
  category: 'total',
  value: '',
  qualifier: 'exact',
  outlet: '',
  source: '',
  time: '',
  ownClaim: false,
});

function claimOf(d: ClaimDraft): ClaimInput | undefined {
  if (d.value === '' || !d.outlet.trim() || !d.source.trim()) return undefined;
  return {
    outcome: d.outcome,
    category: d.category,
    value: d.value,
    qualifier: d.qualifier,
    outlet: d.outlet.trim(),
    source: d.source.trim(),
    ...(d.time ? { time: d.time } : {}),
    ownClaim: d.ownClaim,
  };
}

/** With `initial`, edits that incident's details (PUT without claims: its claims and sources stay). */
export function RecordIncidentForm({
  onDone,
  initial,
}: {
  onDone: (i: IncidentSummary) => void;
  initial?: Omit<IncidentSummary, 'claimCount' | 'conflictCount'>;
}) {
  const ref = useIncidentReference();
  const record = useRecordIncident();
  const [date, setDate] = useState(initial?.date.date ?? '');
  const [province, setProvince] = useState<string | null>(initial?.place.province ?? null);
  const [district, setDistrict] = useState<string | null>(initial?.place.district ?? null);
  const [type, setType] = useState<string | null>(initial?.type ?? 'ied');
  const [perpetrator, setPerpetrator] = useState<string | null>(initial?.perpetrator.group ?? null);
  const [claimed, setClaimed] = useState(initial?.perpetrator.status === 'claimed');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [claim, setClaim] = useState<ClaimDraft>(emptyClaim());
  const districts = ref.data?.provinces.find((p) => p.id === province)?.districts ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = claimOf(claim);
    record.mutate(
      {
        ...(initial ? { id: initial.id } : {}),
        input: {
          date,
          ...(initial ? { precision: date === initial.date.date ? initial.date.precision : 'day' } : {}),
          type: type ?? 'other',
          ...(province ? { province } : {}),
          ...(district ? { district } : {}),
          ...(perpetrator ? { perpetrator, perpetratorStatus: claimed ? 'claimed' : 'attributed' } : {}),
          ...(type === 'suicide-bombing' ? { suicide: true } : initial ? { suicide: initial.suicide } : {}),
          ...(description.trim() ? { description: description.trim() } : {}),
          // An edit keeps who initiated it unless the type changes (then the server derives it from the type).
          ...(initial
            ? { linked: initial.linked, ...(type === initial.type ? { initiator: initial.initiator } : {}) }
            : { claims: c ? [c] : [] }),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <SimpleGrid cols={3} spacing="xs">
          <TextInput label="Date" type="date" required data-autofocus value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <Select
            label="Type"
            data={(ref.data?.types ?? []).map((t) => ({ value: t, label: TYPE_LABEL[t] ?? t }))}
            value={type}
            allowDeselect={false}
            onChange={setType}
          />
          <Select
            label="Province"
            searchable
            clearable
            data={(ref.data?.provinces ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={province}
            onChange={(v) => {
              setProvince(v);
              setDistrict(null);
            }}
          />
          <Select
            label="District"
            searchable
            clearable
            data={districts.map((d) => ({ value: d, label: d }))}
            value={district}
            onChange={setDistrict}
          />
          <Select
            label="Perpetrator"
            searchable
            clearable
            data={(ref.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))}
            value={perpetrator}
            onChange={setPerpetrator}
          />
          <Checkbox
            mt={26}
            label="Responsibility claimed"
            checked={claimed}
            disabled={!perpetrator}
            onChange={(e) => setClaimed(e.currentTarget.checked)}
          />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        {initial ? null : <ClaimFields value={claim} onChange={setClaim} qualifiers={ref.data?.qualifiers ?? ['exact']} />}
        {record.isError ? (
          <Notice color="red" variant="light" p="xs" role="alert">
            {record.error.message}
          </Notice>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending} disabled={!date}>
            {initial ? 'Save changes' : 'Record incident'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AddClaimForm({ incidentId, onDone }: { incidentId: string; onDone?: () => void }) {
  const ref = useIncidentReference();
  const add = useAddClaims(incidentId);
  const [claim, setClaim] = useState<ClaimDraft>(emptyClaim());
  const [text, setText] = useState('');
  const c = claimOf(claim);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!c) return;
    add.mutate([{ ...c, ...(text.trim() ? { text: text.trim() } : {}) }], {
      onSuccess: () => {
        setClaim(emptyClaim());
        setText('');
        onDone?.();
      },
    });
  };
  return (
    <form onSubmit={submit} aria-label="Add a claim">
      <Stack gap="xs">
        <ClaimFields value={claim} onChange={setClaim} qualifiers={ref.data?.qualifiers ?? ['exact']} />
        <TextInput
          label="Words quoted"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          placeholder="“At least 31 people were killed…”"
        />
        {add.isError ? (
          <Notice color="red" variant="light" p="xs" role="alert">
            {add.error.message}
          </Notice>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={add.isPending} disabled={!c}>
            Add claim
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
