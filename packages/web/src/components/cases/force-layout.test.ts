import { describe, expect, it } from 'vitest';
import { fitToBox, forceLayout } from './force-layout.js';
import { edgeLabel, nodeColor, nodeLabel } from './network-style.js';

const nodes = ['A', 'B', 'C', 'D'];
const edges = [
  { from: 'A', to: 'B' },
  { from: 'B', to: 'C' },
  { from: 'C', to: 'A' },
];

describe('case network layout', () => {
  it('is deterministic and keeps nodes apart', () => {
    const a = forceLayout(nodes, edges);
    expect(forceLayout(nodes, edges)).toEqual(a);
    for (const [i, p] of nodes.entries())
      for (const q of nodes.slice(i + 1)) {
        const d = Math.hypot((a.get(p)?.x ?? 0) - (a.get(q)?.x ?? 0), (a.get(p)?.y ?? 0) - (a.get(q)?.y ?? 0));
        expect(d, `${p}–${q}`).toBeGreaterThan(0.1);
      }
  });

  it('starts an expansion from the previous positions, so the graph does not reshuffle', () => {
    const before = forceLayout(['A', 'B'], [{ from: 'A', to: 'B' }]);
    const after = forceLayout(
      ['A', 'B', 'X'],
      [
        { from: 'A', to: 'B' },
        { from: 'B', to: 'X' },
      ],
      before,
    );
    for (const id of ['A', 'B']) {
      const moved = Math.hypot((after.get(id)?.x ?? 0) - (before.get(id)?.x ?? 0), (after.get(id)?.y ?? 0) - (before.get(id)?.y ?? 0));
      expect(moved, id).toBeLessThan(1);
    }
    // A fresh layout of the same three nodes would start on a circle instead.
    expect(after).not.toEqual(
      forceLayout(
        ['A', 'B', 'X'],
        [
          { from: 'A', to: 'B' },
          { from: 'B', to: 'X' },
        ],
      ),
    );
  });

  it('fits the layout into the drawing box inside its padding, keeping the aspect ratio', () => {
    const layout = new Map([
      ['A', { x: -2, y: 0 }],
      ['B', { x: 2, y: 1 }],
    ]);
    const at = fitToBox(layout, ['A', 'B'], { width: 720, height: 420, padding: 70 });
    expect(at.get('A')).toEqual({ x: 70, y: 210 - 72.5 });
    expect(at.get('B')).toEqual({ x: 650, y: 210 + 72.5 });
    expect(fitToBox(new Map([['A', { x: 5, y: 5 }]]), ['A'], { width: 100, height: 50, padding: 10 }).get('A')).toEqual({ x: 50, y: 25 });
  });
});

describe('case network labels', () => {
  it('labels a transaction with amount, currency and UTC time, and an account with its name', () => {
    expect(edgeLabel({ amount: 28000, currency: 'USD', time: '2026-11-25T06:30:00Z' })).toBe('28,000 USD · 25 Nov, 06:30');
    expect(edgeLabel({ amount: 9.5, time: 'not a time' })).toBe('9.5');
    expect(nodeLabel({ id: 'ACC-1', label: 'Rahim Traders' })).toBe('Rahim Traders (ACC-1)');
    expect(nodeLabel({ id: 'ACC-1', label: 'ACC-1' })).toBe('ACC-1');
    expect(nodeColor({ flagged: true, party: true })).not.toBe(nodeColor({ flagged: false, party: true }));
  });
});
