/**
 * The case network drawn as SVG, for browsers without hardware WebGL: the same force layout, accounts as
 * circles, each transaction as its own arrow (parallel ones bowed apart) labelled with amount and time.
 * Click or press Enter on an account to select it.
 */

import type { KeyboardEvent } from 'react';
import type { NetworkEdge, NetworkNode } from '../../queries/cases/types.js';
import { fitToBox, type Point } from './force-layout.js';
import { edgeLabel, NETWORK_COLOR, nodeColor, nodeLabel } from './network-style.js';

const W = 720;
const H = 420;
const PAD = 70;
/** Screen distance between parallel transactions of one pair of accounts. */
const BOW = 34;

interface Props {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
  readonly layout: ReadonlyMap<string, Point>;
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
}

export function NetworkSvg({ nodes, edges, layout, selected, onSelect }: Props) {
  const at = fitToBox(
    layout,
    nodes.map((n) => n.id),
    { width: W, height: H, padding: PAD },
  );
  const maxDegree = Math.max(1, ...nodes.map((n) => n.degree));
  const radius = (n: NetworkNode) => 7 + 9 * Math.sqrt(n.degree / maxDegree);
  const byId = new Map(nodes.map((n) => [n.id, n]));

  // Parallel transactions (either direction) of one pair are spread around the straight line.
  const pairs = new Map<string, NetworkEdge[]>();
  for (const e of edges) {
    const key = [e.from, e.to].sort().join('\u0000');
    pairs.set(key, [...(pairs.get(key) ?? []), e]);
  }

  const key = (id: string) => (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      onSelect(id);
    }
  };

  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" height="100%" data-renderer="svg">
      <title>Accounts and transactions of the case</title>
      <defs>
        {[NETWORK_COLOR.inCase, NETWORK_COLOR.outside].map((c) => (
          <marker
            key={c}
            id={`arrow-${c.slice(1)}`}
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill={c} />
          </marker>
        ))}
      </defs>
      {[...pairs.values()].flatMap((group) =>
        group.map((e, k) => {
          const a = at.get(e.from);
          const b = at.get(e.to);
          const from = byId.get(e.from);
          const to = byId.get(e.to);
          if (!a || !b || !from || !to || e.from === e.to) return null;
          // Bow relative to a fixed orientation of the pair, so A→B and B→A do not land on the same curve.
          const flip = e.from > e.to ? -1 : 1;
          const offset = (k - (group.length - 1) / 2) * BOW * flip;
          const dx = b.x - a.x;
          const dy = b.y - a.y;
          const len = Math.max(Math.hypot(dx, dy), 1e-9);
          const nx = -dy / len;
          const ny = dx / len;
          const c = { x: (a.x + b.x) / 2 + nx * offset * 2, y: (a.y + b.y) / 2 + ny * offset * 2 };
          // Stop the arrow at the target's rim.
          const tx = b.x - c.x;
          const ty = b.y - c.y;
          const tl = Math.max(Math.hypot(tx, ty), 1e-9);
          const end = { x: b.x - (tx / tl) * (radius(to) + 2), y: b.y - (ty / tl) * (radius(to) + 2) };
          const mid = { x: 0.25 * a.x + 0.5 * c.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * c.y + 0.25 * b.y };
          const color = e.inCase ? NETWORK_COLOR.inCase : NETWORK_COLOR.outside;
          return (
            <g key={e.id} data-edge={e.id}>
              <path
                d={`M ${a.x} ${a.y} Q ${c.x} ${c.y} ${end.x} ${end.y}`}
                fill="none"
                stroke={color}
                strokeWidth={e.inCase ? 1.8 : 1.2}
                markerEnd={`url(#arrow-${color.slice(1)})`}
              />
              <text
                x={mid.x}
                y={mid.y - 3}
                fontSize={10}
                textAnchor="middle"
                fill="#343a40"
                stroke="#fff"
                strokeWidth={3}
                paintOrder="stroke"
              >
                {edgeLabel(e)}
              </text>
            </g>
          );
        }),
      )}
      {nodes.map((n) => {
        const p = at.get(n.id) as Point;
        const r = radius(n);
        const isSelected = n.id === selected;
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it takes focus and Enter instead.
          <g
            key={n.id}
            data-node={n.id}
            role="button"
            tabIndex={0}
            aria-label={`Account ${nodeLabel(n)}`}
            aria-pressed={isSelected}
            style={{ cursor: 'pointer' }}
            onClick={() => onSelect(n.id)}
            onKeyDown={key(n.id)}
          >
            <circle cx={p.x} cy={p.y} r={r} fill={isSelected ? NETWORK_COLOR.selected : nodeColor(n)} stroke="#fff" strokeWidth={2} />
            <text
              x={p.x}
              y={p.y + r + 13}
              fontSize={11}
              textAnchor="middle"
              fill="#212529"
              stroke="#fff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {nodeLabel(n)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
