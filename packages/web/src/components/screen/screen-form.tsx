/** The screening form: name, date of birth, country, schema, identifier. Enter submits from any field. */

import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import type { ScreenQuery } from '../../api/types.js';

export const SCHEMA_OPTIONS = [
  { value: '', label: 'Any' },
  { value: 'Person', label: 'Person' },
  { value: 'Organization', label: 'Organization' },
  { value: 'Company', label: 'Company' },
  { value: 'Vessel', label: 'Vessel' },
  { value: 'Aircraft', label: 'Aircraft' },
  { value: 'LegalEntity', label: 'Legal entity' },
];

interface Props {
  readonly initial: ScreenQuery | undefined;
  readonly busy: boolean;
  readonly onSubmit: (q: ScreenQuery) => void;
}

export function ScreenForm({ initial, busy, onSubmit }: Props) {
  const [name, setName] = useState(initial?.name ?? '');
  const [dob, setDob] = useState(initial?.dob ?? '');
  const [country, setCountry] = useState(initial?.country ?? '');
  const [schema, setSchema] = useState(initial?.schema ?? '');
  const [id, setId] = useState(initial?.id ?? '');

  // Back/forward changes the query in the URL: follow it.
  useEffect(() => {
    setName(initial?.name ?? '');
    setDob(initial?.dob ?? '');
    setCountry(initial?.country ?? '');
    setSchema(initial?.schema ?? '');
    setId(initial?.id ?? '');
  }, [initial?.name, initial?.dob, initial?.country, initial?.schema, initial?.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    const q: { -readonly [K in keyof ScreenQuery]: ScreenQuery[K] } = { name: name.trim() };
    if (dob.trim()) q.dob = dob.trim();
    if (country.trim()) q.country = country.trim();
    if (schema) q.schema = schema;
    if (id.trim()) q.id = id.trim();
    onSubmit(q);
  };

  return (
    <Paper p="sm" component="form" onSubmit={submit} aria-label="Screening query" role="search">
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label="Name"
          name="name"
          placeholder="Full name of a person, company, vessel…"
          required
          autoFocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          style={{ flex: 3, minWidth: 0 }}
          autoComplete="off"
        />
        <TextInput
          label="Date of birth"
          name="dob"
          placeholder="YYYY[-MM[-DD]]"
          value={dob}
          onChange={(e) => setDob(e.currentTarget.value)}
          style={{ flex: 1.2, minWidth: 0 }}
          autoComplete="off"
        />
        <TextInput
          label="Country"
          name="country"
          placeholder="IR or Iran"
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 0 }}
          autoComplete="off"
        />
        <Select
          label="Schema"
          name="schema"
          data={SCHEMA_OPTIONS}
          value={schema}
          onChange={(v) => setSchema(v ?? '')}
          allowDeselect={false}
          style={{ flex: 1.1, minWidth: 0 }}
        />
        <TextInput
          label="Identifier"
          name="id"
          placeholder="Passport, IMO, registration…"
          value={id}
          onChange={(e) => setId(e.currentTarget.value)}
          style={{ flex: 1.4, minWidth: 0 }}
          autoComplete="off"
        />
        <Button type="submit" loading={busy} disabled={!name.trim()} style={{ flex: 'none' }}>
          Screen
        </Button>
      </Group>
    </Paper>
  );
}
