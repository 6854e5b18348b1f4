/**
 * A small deterministic force layout (Fruchterman–Reingold) for case networks of tens to a few hundred
 * accounts. Nodes that already have a position start from it, so expanding a node does not reshuffle the graph.
 */

export interface Point {
  x: number;
  y: number;
}

export function forceLayout(
  nodes: readonly string[],
  edges: readonly { from: string; to: string }[],
  previous: ReadonlyMap<string, Point> = new Map(),
  iterations = 250,
): Map<string, Point> {
  const n = nodes.length;
  const pos = new Map<string, Point>();
  nodes.forEach((id, i) => {
    const p = previous.get(id);
    if (p) pos.set(id, { ...p });
    else {
      // New nodes start near a placed neighbour (the expanded node), else on a circle.
      const near = edges.find((e) => (e.from === id && previous.has(e.to)) || (e.to === id && previous.has(e.from)));
      const anchor = near ? previous.get(near.from === id ? near.to : near.from) : undefined;
      const angle = (2 * Math.PI * i) / Math.max(1, n);
      pos.set(
        id,
        anchor ? { x: anchor.x + Math.cos(angle) * 0.3, y: anchor.y + Math.sin(angle) * 0.3 } : { x: Math.cos(angle), y: Math.sin(angle) },
      );
    }
  });
  if (n < 2) return pos;
  const k = Math.sqrt(4 / n);
  let temperature = previous.size > 0 ? 0.05 : 0.2;
  const cool = temperature / (iterations + 1);
  for (let it = 0; it < iterations; it++) {
    const disp = new Map<string, Point>(nodes.map((id) => [id, { x: 0, y: 0 }]));
    for (let i = 0; i < n; i++) {
      const a = pos.get(nodes[i] as string) as Point;
      const da = disp.get(nodes[i] as string) as Point;
      for (let j = i + 1; j < n; j++) {
        const b = pos.get(nodes[j] as string) as Point;
        const db = disp.get(nodes[j] as string) as Point;
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d = Math.hypot(dx, dy);
        if (d < 1e-6) {
          // Coincident nodes: push apart along a fixed direction (deterministic).
          dx = 1e-3 * (i - j);
          dy = 1e-3;
          d = Math.hypot(dx, dy);
        }
        const f = (k * k) / d;
        da.x += (dx / d) * f;
        da.y += (dy / d) * f;
        db.x -= (dx / d) * f;
        db.y -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      if (e.from === e.to) continue;
      const a = pos.get(e.from);
      const b = pos.get(e.to);
      if (!a || !b) continue;
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const d = Math.max(1e-6, Math.hypot(dx, dy));
      const f = (d * d) / k;
      const da = disp.get(e.from) as Point;
      const db = disp.get(e.to) as Point;
      da.x -= (dx / d) * f;
      da.y -= (dy / d) * f;
      db.x += (dx / d) * f;
      db.y += (dy / d) * f;
    }
    for (const id of nodes) {
      const p = pos.get(id) as Point;
      const d = disp.get(id) as Point;
      const len = Math.hypot(d.x, d.y);
      if (len > 0) {
        p.x += (d.x / len) * Math.min(len, temperature);
        p.y += (d.y / len) * Math.min(len, temperature);
      }
    }
    temperature -= cool;
  }
  return pos;
}

/**
 * Layout coordinates → a drawing box (SVG user units): centred, scaled to fill the box inside the padding,
 * keeping the aspect ratio. A single node (or nodes on one point) lands in the middle.
 */
export function fitToBox(
  layout: ReadonlyMap<string, Point>,
  ids: readonly string[],
  box: { readonly width: number; readonly height: number; readonly padding: number },
): Map<string, Point> {
  const pts = ids.map((id) => layout.get(id) ?? { x: 0, y: 0 });
  if (pts.length === 0) return new Map();
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = x1 - x0;
  const spanY = y1 - y0;
  const room = (size: number, span: number) => (span > 1e-9 ? (size - 2 * box.padding) / span : Number.POSITIVE_INFINITY);
  const fit = Math.min(room(box.width, spanX), room(box.height, spanY));
  const scale = Number.isFinite(fit) ? fit : 0;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return new Map(
    ids.map((id, i) => [
      id,
      { x: box.width / 2 + ((pts[i] as Point).x - cx) * scale, y: box.height / 2 + ((pts[i] as Point).y - cy) * scale },
    ]),
  );
}
