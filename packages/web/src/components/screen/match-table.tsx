/** Ranked candidates of one screening; a row is selected by click, Enter or Space, and arrow keys move the selection. */

import { Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { ScreenMatch } from '../../api/types.js';
import { isExplanation } from './explanation-view.js';
import { BandBadge, DecisionBadge, ScoreBar } from './bands.js';

interface Props {
  readonly matches: readonly ScreenMatch[];
  readonly selected: string | undefined;
  readonly onSelect: (entityId: string) => void;
}

export function MatchTable({ matches, selected, onSelect }: Props) {
  const move = (e: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(matches[index]?.entity_id ?? '');
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = matches[index + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        onSelect(next.entity_id);
        const row = (e.currentTarget.parentElement?.children[index + (e.key === 'ArrowDown' ? 1 : -1)] ?? null) as HTMLElement | null;
        row?.focus();
      }
    }
  };
  return (
    <Table className="argus-table" highlightOnHover={false} stickyHeader aria-label="Screening results">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={28}>#</Table.Th>
          <Table.Th>Listed name</Table.Th>
          <Table.Th>Source</Table.Th>
          <Table.Th>Score</Table.Th>
          <Table.Th>Band</Table.Th>
          <Table.Th>Decision</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {matches.map((m, i) => {
          const alias = isExplanation(m.explanation) ? m.explanation.name.matched : '';
          const showAlias = alias !== '' && alias.toLowerCase() !== m.name.toLowerCase();
          const isSelected = m.entity_id === selected;
          return (
            <Table.Tr
              key={m.entity_id}
              data-clickable
              data-selected={isSelected || undefined}
              aria-selected={isSelected}
              tabIndex={0}
              onClick={() => onSelect(m.entity_id)}
              onKeyDown={(e) => move(e, i)}
            >
              <Table.Td c="dimmed">{i + 1}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} dir="auto">
                  {m.name}
                </Text>
                {showAlias ? (
                  <Text size="xs" c="dimmed" dir="auto">
                    matched “{alias}”
                  </Text>
                ) : null}
              </Table.Td>
              {/* The schema sits under the source rather than in its own column: at 1280 px the band badge needs the room. */}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="xs" className="argus-mono">
                  {m.source}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.schema}
                </Text>
              </Table.Td>
              <Table.Td>
                <ScoreBar score={m.score} width={48} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <BandBadge band={m.band} />
              </Table.Td>
              <Table.Td>
                {m.review ? (
                  <DecisionBadge decision={m.review.decision} />
                ) : (
                  <Text size="xs" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
