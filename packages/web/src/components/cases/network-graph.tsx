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
import type { Network, NetworkEdge, NetworkNode } from '../../queries/cases/types.js';
import { formatDateTime } from '../common/format.js';
import { forceLayout, type Point } from './force-layout.js';

const COLOR = { party: '#2d5499', flagged: '#c92a2a', other: '#868e96', inCase: '#495057', outside: '#ced4da', selected: '#f08c00' };

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

function nodeColor(n: NetworkNode): string {
  return n.flagged ? COLOR.flagged : n.party ? COLOR.party : COLOR.other;
}

export function amountText(e: Pick<NetworkEdge, 'amount' | 'currency'>): string {
  return `${e.amount.toLocaleString('en-GB', { maximumFractionDigits: 2 })}${e.currency ? ` ${e.currency}` : ''}`;
}

export function NetworkGraph({ caseId, initial }: { caseId: string; initial: Network }) {
  const [net, setNet] = useState<Network>(initial);
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [glError, setGlError] = useState<string | undefined>(undefined);
  const container = useRef<HTMLDivElement>(null);
  const positions = useRef<Map<string, Point>>(new Map());
  const sigma = useRef<Sigma | undefined>(undefined);
  const graphRef = useRef<MultiDirectedGraph | undefined>(undefined);

  useEffect(() => setNet((n) => merge(n, initial)), [initial]);

  const layout = useMemo(() => {
    const p = forceLayout(
      net.nodes.map((n) => n.id),
      net.edges,
      positions.current,
    );
    positions.current = p;
    return p;
  }, [net]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const graph = new MultiDirectedGraph();
    const maxDegree = Math.max(1, ...net.nodes.map((n) => n.degree));
    for (const n of net.nodes) {
      const p = layout.get(n.id) ?? { x: 0, y: 0 };
      graph.addNode(n.id, {
        x: p.x,
        y: p.y,
        label: n.label === n.id ? n.id : `${n.label} (${n.id})`,
        size: 6 + 10 * Math.sqrt(n.degree / maxDegree),
        color: nodeColor(n),
      });
    }
    for (const e of net.edges) {
      if (!graph.hasNode(e.from) || !graph.hasNode(e.to)) continue;
      graph.addEdgeWithKey(e.id, e.from, e.to, { label: amountText(e), size: e.inCase ? 2 : 1, color: e.inCase ? COLOR.inCase : COLOR.outside });
    }
    let s: Sigma;
    try {
      s = new Sigma(graph, el, { settings: { renderEdgeLabels: true, labelRenderedSizeThreshold: 0, stagePadding: 40 } });
    } catch (e) {
      setGlError(e instanceof Error ? e.message : String(e));
      return;
    }
    sigma.current = s;
    graphRef.current = graph;
    s.on('clickNode', ({ node }) => setSelected(node));
    s.on('clickStage', () => setSelected(null));
    return () => {
      s.kill();
      sigma.current = undefined;
      graphRef.current = undefined;
    };
  }, [net, layout]);

  // Selection recolours one node; the renderer is kept.
  useEffect(() => {
    const g = graphRef.current;
    if (!g) return;
    for (const n of net.nodes) if (g.hasNode(n.id)) g.setNodeAttribute(n.id, 'color', n.id === selected ? COLOR.selected : nodeColor(n));
    sigma.current?.refresh();
  }, [selected, net]);

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
          {glError ? (
            <Notice color="yellow" variant="light" m="sm">
              The graph needs WebGL ({glError}); the table below lists the same accounts and transactions.
            </Notice>
          ) : null}
          <div
            ref={container}
            data-testid="case-network"
            role="img"
            aria-label={`Network of ${net.nodes.length} accounts and ${net.edges.length} transactions`}
            style={{ height: 420, width: '100%', display: glError ? 'none' : 'block' }}
          />
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
                  {[node.institution, node.country].filter(Boolean).join(' · ') || 'No institution or country known'} · {node.degree} transaction
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
