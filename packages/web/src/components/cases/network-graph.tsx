/**
 * The case network: accounts as nodes (case parties blue, accounts named by alerts red, counterparties grey),
 * transactions as edges labelled with amount and currency. Select an account on the graph or in the list and
 * expand it by one hop from the store; the table lists every edge with direction and time (and is the view
 * for keyboards and for browsers without WebGL).
 */

import { Alert as Notice, Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { MultiDirectedGraph } from 'graphology';
import { useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import { expandAccount } from '../../queries/cases/use-case-network.js';
import type { Network, NetworkNode } from '../../queries/cases/types.js';
import { formatDateTime } from '../common/format.js';
import { forceLayout, type Point } from './force-layout.js';
import { amountText, edgeLabel, hardwareWebGL, NETWORK_COLOR, nodeColor, nodeLabel } from './network-style.js';
import { NetworkSvg } from './network-svg.js';

const COLOR = NETWORK_COLOR;

function merge(a: Network, b: Network): Network {
  const nodes = new Map(a.nodes.map((n) => [n.id, n]));
  for (const n of b.nodes) {
    const prior = nodes.get(n.id);
    nodes.set(n.id, prior ? { ...n, party: prior.party || n.party, flagged: prior.flagged || n.flagged } : n);
  }
  const edges = new Map(a.edges.map((e) => [e.id, e]));
  for (const e of b.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  const degree = new Map<string, number>();
  for (const e of edges.values()) for (const x of [e.from, e.to]) degree.set(x, (degree.get(x) ?? 0) + 1);
  return {
    nodes: [...nodes.values()].map((n) => ({ ...n, degree: degree.get(n.id) ?? 0 })),
    edges: [...edges.values()].sort((x, y) => x.time.localeCompare(y.time) || x.id.localeCompare(y.id)),
  };
}

export { amountText } from './network-style.js';

export function NetworkGraph({ caseId, initial }: { caseId: string; initial: Network }) {
  const [net, setNet] = useState<Network>(initial);
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [glError, setGlError] = useState<string | undefined>(undefined);
  // Decided once: sigma on a GPU, the SVG drawing otherwise (or when sigma fails to start).
  const [webgl] = useState(hardwareWebGL);
  const onGpu = webgl && !glError;
  const container = useRef<HTMLDivElement>(null);
  const positions = useRef<Map<string, Point>>(new Map());
  // One graph and one renderer for the component's life: the graph is updated in place and sigma redraws it.
  // Re-creating the renderer on every change would recompile its WebGL programs each time, which under software
  // WebGL (headless browsers, VMs without a GPU) blocks the page for seconds.
  const graph = useRef(new MultiDirectedGraph());
  const sigma = useRef<Sigma | undefined>(undefined);
  const merged = useRef(initial);

  // A refetched network joins what was expanded so far (the first one is the initial state already).
  useEffect(() => {
    if (merged.current === initial) return;
    merged.current = initial;
    setNet((n) => merge(n, initial));
  }, [initial]);

  const layout = useMemo(() => {
    const p = forceLayout(
      net.nodes.map((n) => n.id),
      net.edges,
      positions.current,
    );
    positions.current = p;
    return p;
  }, [net]);

  // The renderer starts on the next frame, so a mount that is undone at once (React's StrictMode) never builds one.
  useEffect(() => {
    const el = container.current;
    if (!el || !onGpu) return;
    let s: Sigma | undefined;
    const frame = requestAnimationFrame(() => {
      try {
        s = new Sigma(graph.current, el, { settings: { renderEdgeLabels: true, labelRenderedSizeThreshold: 0, stagePadding: 40 } });
      } catch (e) {
        setGlError(e instanceof Error ? e.message : String(e));
        return;
      }
      sigma.current = s;
      s.on('clickNode', ({ node }) => setSelected(node));
      s.on('clickStage', () => setSelected(null));
    });
    return () => {
      cancelAnimationFrame(frame);
      s?.kill();
      sigma.current = undefined;
    };
  }, [onGpu]);

  // The graph follows the network: nodes and edges are added, updated or dropped in place.
  useEffect(() => {
    const g = graph.current;
    const maxDegree = Math.max(1, ...net.nodes.map((n) => n.degree));
    const ids = new Set(net.nodes.map((n) => n.id));
    for (const id of g.nodes()) if (!ids.has(id)) g.dropNode(id);
    for (const n of net.nodes) {
      const p = layout.get(n.id) ?? { x: 0, y: 0 };
      g.mergeNode(n.id, {
        x: p.x,
        y: p.y,
        label: nodeLabel(n),
        size: 6 + 10 * Math.sqrt(n.degree / maxDegree),
        color: n.id === selected ? COLOR.selected : nodeColor(n),
      });
    }
    for (const e of net.edges) {
      if (g.hasEdge(e.id) || !g.hasNode(e.from) || !g.hasNode(e.to)) continue;
      g.addEdgeWithKey(e.id, e.from, e.to, { label: edgeLabel(e), size: e.inCase ? 2 : 1, color: e.inCase ? COLOR.inCase : COLOR.outside });
    }
  }, [net, layout, selected]);

  const expand = async (account: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const x = await expandAccount(caseId, account);
      setNet((n) => merge(n, x));
      setExpanded((s) => new Set(s).add(account));
      if (x.truncated) setError(`${account} has more transactions than shown (newest 50).`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const node: NetworkNode | undefined = net.nodes.find((n) => n.id === selected);
  return (
    <Stack gap="sm">
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Paper p={0} style={{ flex: 1, minWidth: 0 }}>
          {onGpu ? (
            <div
              ref={container}
              data-testid="case-network"
              data-renderer="webgl"
              role="img"
              aria-label={`Network of ${net.nodes.length} accounts and ${net.edges.length} transactions`}
              style={{ height: 420, width: '100%' }}
            />
          ) : (
            <section
              data-testid="case-network"
              aria-label={`Network of ${net.nodes.length} accounts and ${net.edges.length} transactions`}
              style={{ height: 420, width: '100%' }}
            >
              <NetworkSvg nodes={net.nodes} edges={net.edges} layout={layout} selected={selected} onSelect={setSelected} />
            </section>
          )}
          {glError ? (
            <Text size="xs" c="dimmed" px="sm" pb={4}>
              Drawn without WebGL ({glError}).
            </Text>
          ) : null}
        </Paper>
        <Paper p="sm" w={280}>
          <Stack gap="xs">
            <Select
              label="Account"
              placeholder="Select an account"
              searchable
              data={net.nodes.map((n) => ({ value: n.id, label: n.label === n.id ? n.id : `${n.label} · ${n.id}` }))}
              value={selected}
              onChange={setSelected}
            />
            {node ? (
              <>
                <Group gap={4}>
                  {node.party ? <Badge size="xs">party</Badge> : null}
                  {node.flagged ? (
                    <Badge size="xs" color="red">
                      in alert
                    </Badge>
                  ) : null}
                  {expanded.has(node.id) ? (
                    <Badge size="xs" color="gray">
                      expanded
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {[node.institution, node.country].filter(Boolean).join(' · ') || 'No institution or country known'} · {node.degree}{' '}
                  transaction
                  {node.degree === 1 ? '' : 's'} shown
                </Text>
                <Button size="xs" loading={busy} disabled={expanded.has(node.id)} onClick={() => void expand(node.id)}>
                  Expand one hop
                </Button>
              </>
            ) : (
              <Text size="xs" c="dimmed">
                Click an account on the graph, or choose it here, to see it and expand its transactions by one hop.
              </Text>
            )}
            {error ? (
              <Notice color="yellow" variant="light" p="xs">
                {error}
              </Notice>
            ) : null}
            <Text size="xs" c="dimmed">
              <span style={{ color: COLOR.party }}>●</span> case party <span style={{ color: COLOR.flagged }}>●</span> named by an alert{' '}
              <span style={{ color: COLOR.other }}>●</span> counterparty · dark edges are the case's transactions
            </Text>
          </Stack>
        </Paper>
      </Group>
      <Paper p={0}>
        <Table className="argus-table" aria-label="Network transactions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Time</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th>Transaction</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {net.edges.map((e) => (
              <Table.Tr key={e.id} style={e.inCase ? undefined : { color: 'var(--mantine-color-dimmed)' }}>
                <Table.Td>{formatDateTime(e.time)}</Table.Td>
                <Table.Td className="argus-mono">{e.from}</Table.Td>
                <Table.Td className="argus-mono">{e.to}</Table.Td>
                <Table.Td ta="right">{amountText(e)}</Table.Td>
                <Table.Td className="argus-mono">
                  {e.id}
                  {e.inCase ? '' : ' (expanded)'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
