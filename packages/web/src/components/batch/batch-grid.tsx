/**
 * The batch results grid: TanStack Table for sorting and filtering, TanStack Virtual for rendering — only the
 * rows in view are in the DOM, so 100k rows scroll as smoothly as 100. Arrow keys move between rows, Enter opens one.
 */

import { Table, Text } from '@mantine/core';
import {
  type ColumnFiltersState,
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { BatchRowSummary, Decision } from '../../api/types.js';
import { formatScore } from '../common/format.js';
import { BandBadge, DecisionBadge } from '../screen/bands.js';

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  filterFns: { includesString: filterFn_includesString },
});

/** What a row's outcome is, for the band filter: its best band, `clear` without candidates, `error` when it failed. */
export type RowOutcome = 'match' | 'review' | 'clear' | 'error';

export function outcomeOf(r: BatchRowSummary): RowOutcome {
  if (r.error) return 'error';
  if (!r.top) return 'clear';
  return r.top.band === 'match' ? 'match' : 'review';
}

const helper = createColumnHelper<typeof features, BatchRowSummary>();

const columns = helper.columns([
  helper.accessor('row', { header: 'Row', sortFn: 'basic' }),
  helper.accessor('id', { header: 'Id', sortFn: 'alphanumeric' }),
  helper.accessor((r) => r.query.name, { id: 'name', header: 'Query name', sortFn: 'alphanumeric' }),
  helper.accessor((r) => r.query.dob ?? '', { id: 'dob', header: 'Birth', sortFn: 'alphanumeric' }),
  helper.accessor((r) => r.query.country ?? '', { id: 'country', header: 'Country', sortFn: 'alphanumeric' }),
  helper.accessor((r) => r.top?.name ?? '', { id: 'top', header: 'Best candidate', sortFn: 'alphanumeric' }),
  helper.accessor((r) => r.top?.source ?? '', { id: 'source', header: 'Source', sortFn: 'alphanumeric' }),
  helper.accessor((r) => r.top?.score, { id: 'score', header: 'Score', sortFn: 'basic', sortUndefined: 'last', sortDescFirst: true }),
  helper.accessor((r) => outcomeOf(r), {
    id: 'outcome',
    header: 'Band',
    sortFn: 'alphanumeric',
    filterFn: (row, _id, value: RowOutcome | 'all') => value === 'all' || outcomeOf(row.original) === value,
  }),
  helper.accessor('matchCount', { header: 'Hits', sortFn: 'basic', sortDescFirst: true }),
  helper.accessor((r) => (r.top as { review?: { decision: Decision } } | undefined)?.review?.decision ?? '', {
    id: 'decision',
    header: 'Decision',
    sortFn: 'alphanumeric',
  }),
]);

const TEMPLATE = '56px 96px minmax(150px, 2fr) 96px 72px minmax(150px, 2fr) 84px 68px 88px 56px 120px';
const ROW_HEIGHT = 30;
const GLOBAL = new Set(['id', 'name', 'top', 'source', 'country', 'dob']);

interface Props {
  readonly rows: readonly BatchRowSummary[];
  readonly filter: string;
  readonly outcome: RowOutcome | 'all';
  readonly selected: number | undefined;
  readonly onOpen: (row: BatchRowSummary) => void;
  readonly onVisibleCount: (n: number) => void;
}

export function BatchGrid({ rows, filter, outcome, selected, onOpen, onVisibleCount }: Props) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columnFilters = useMemo<ColumnFiltersState>(() => (outcome === 'all' ? [] : [{ id: 'outcome', value: outcome }]), [outcome]);
  const data = useMemo(() => rows as BatchRowSummary[], [rows]);
  const table = useTable({
    features,
    columns,
    data,
    state: { sorting, globalFilter: filter, columnFilters },
    onSortingChange: setSorting,
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: (column) => GLOBAL.has(column.id),
    getRowId: (r) => String(r.row),
  });
  const model = table.getRowModel().rows;
  useEffect(() => onVisibleCount(model.length), [model.length, onVisibleCount]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: model.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => model[i]?.id ?? i,
  });
  const [focusIndex, setFocusIndex] = useState(0);
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`)?.focus();
  });

  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : e.key === 'PageDown' ? 15 : e.key === 'PageUp' ? -15 : 0;
    if (step !== 0) {
      e.preventDefault();
      const next = Math.max(0, Math.min(model.length - 1, index + step));
      setFocusIndex(next);
      focusPending.current = true;
      virtualizer.scrollToIndex(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const r = model[index];
      if (r) onOpen(r.original);
    }
  };

  return (
    <div ref={scrollRef} className="argus-grid" style={{ height: 'calc(100vh - 262px)', minHeight: 260 }}>
      {/* Explicit roles: the table parts are CSS blocks and grids (see styles.css), which can drop implicit table semantics. */}
      <Table className="argus-vtable" role="table" aria-label="Batch results" aria-rowcount={model.length + 1} style={{ minWidth: 1040 }}>
        <Table.Thead className="argus-grid-head" role="rowgroup">
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id} role="row" style={{ gridTemplateColumns: TEMPLATE }}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <Table.Th
                    key={header.id}
                    role="columnheader"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    <button type="button" className="argus-grid-sort" onClick={header.column.getToggleSortingHandler()}>
                      <table.FlexRender header={header} />
                      <span aria-hidden style={{ opacity: sorted ? 1 : 0.25 }}>
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = model[item.index];
            if (!row) return null;
            const r = row.original;
            const review = (r.top as { review?: { decision: Decision } } | undefined)?.review;
            return (
              <Table.Tr
                key={row.id}
                data-index={item.index}
                className="argus-grid-row"
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected === r.row}
                data-selected={selected === r.row || undefined}
                tabIndex={item.index === focusIndex ? 0 : -1}
                style={{ gridTemplateColumns: TEMPLATE, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  setFocusIndex(item.index);
                  onOpen(r);
                }}
                onKeyDown={(e: KeyboardEvent<HTMLTableRowElement>) => onKey(e, item.index)}
                onFocus={() => setFocusIndex(item.index)}
              >
                <Table.Td role="cell" className="argus-mono" c="dimmed">
                  {r.row}
                </Table.Td>
                <Table.Td role="cell" className="argus-mono" title={r.id}>
                  {r.id}
                </Table.Td>
                <Table.Td role="cell" title={r.query.name} dir="auto">
                  {r.query.name || <em>(no name)</em>}
                </Table.Td>
                <Table.Td role="cell">{r.query.dob ?? ''}</Table.Td>
                <Table.Td role="cell">{r.query.country ?? ''}</Table.Td>
                <Table.Td role="cell" title={r.error ?? r.top?.name} dir="auto">
                  {r.error ? (
                    <Text component="span" size="xs" c="red.8">
                      {r.error}
                    </Text>
                  ) : (
                    (r.top?.name ?? '')
                  )}
                </Table.Td>
                <Table.Td role="cell" className="argus-mono" fz={11}>
                  {r.top?.source ?? ''}
                </Table.Td>
                <Table.Td role="cell" className="argus-mono">
                  {r.top ? formatScore(r.top.score) : ''}
                </Table.Td>
                <Table.Td role="cell">
                  {r.error ? (
                    <BandBadge band="error" />
                  ) : r.top ? (
                    <BandBadge band={r.top.band} />
                  ) : (
                    <Text component="span" size="xs" c="dimmed">
                      clear
                    </Text>
                  )}
                </Table.Td>
                <Table.Td role="cell" className="argus-mono">
                  {r.matchCount || ''}
                </Table.Td>
                <Table.Td role="cell">{review ? <DecisionBadge decision={review.decision} /> : null}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
