// The dashboards' drawings as numbers: bar lengths scaled to the longest bar, which rows are worth a
// bar, and where the helix network's stakeholders, programmes and edges sit. Pure, so tested alone.
import type { EquityRow, Helix, HelixEdge, HelixNode } from './index';

/** A bar's length as a percentage of the track: `value` against the largest value drawn (0..100, one decimal). */
export function barPercent(value: number | null, max: number): number {
  if (value === null || !Number.isFinite(value) || value <= 0 || max <= 0) return 0;
  return Math.round(Math.min(1, value / max) * 1000) / 10;
}

/** The largest of some values (0 when none is positive): the length of a full track. */
export function scaleMax(values: readonly (number | null)[]): number {
  return values.reduce<number>((max, value) => (value !== null && Number.isFinite(value) && value > max ? value : max), 0);
}

/** Rows worth a bar: those with enterprises in the registry or any assistance (the others are only listed). */
export function drawnRows(rows: readonly EquityRow[]): EquityRow[] {
  return rows.filter((row) => row.enterprises > 0 || row.records > 0 || row.groups_served > 0);
}

export interface EquityBar {
  key: string;
  row: EquityRow;
  /** Enterprises in the registry, against the row with the most. */
  registry: number;
  /** Enterprises served, on the same scale: the filled part of the registry's bar. */
  served: number;
  /** Rupiah per enterprise, against the row with the most. */
  perEnterprise: number;
}

/** One pair of bars per row: served inside the registry's count, and the rupiah per enterprise. */
export function equityBars(rows: readonly EquityRow[]): EquityBar[] {
  const drawn = drawnRows(rows);
  const enterprises = scaleMax(drawn.map((row) => Math.max(row.enterprises, row.enterprises_served)));
  const perEnterprise = scaleMax(drawn.map((row) => row.value_per_enterprise));
  return drawn.map((row) => ({
    key: row.key,
    row,
    registry: barPercent(Math.max(row.enterprises, row.enterprises_served), enterprises),
    served: barPercent(row.enterprises_served, enterprises),
    perEnterprise: barPercent(row.value_per_enterprise, perEnterprise),
  }));
}

// ---- the helix network ----

/** Government and business on the left, academia and civil society on the right, programmes between. */
const LEFT: readonly Helix[] = ['government', 'business'];
export const HELIX_ORDER: readonly Helix[] = ['government', 'business', 'academia', 'civil_society'];

export const NETWORK = {
  width: 760,
  row: 44,
  top: 40,
  bottom: 16,
  /** The centres of the three columns. */
  left: 120,
  middle: 380,
  right: 640,
  nodeWidth: 200,
  nodeHeight: 32,
} as const;

export interface PlacedNode {
  node: HelixNode;
  x: number;
  y: number;
}

export interface PlacedEdge {
  edge: HelixEdge;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  stakeholders: PlacedNode[];
  programmes: PlacedNode[];
  edges: PlacedEdge[];
}

function byHelixThenName(a: HelixNode, b: HelixNode): number {
  const order = HELIX_ORDER.indexOf(a.helix ?? 'government') - HELIX_ORDER.indexOf(b.helix ?? 'government');
  return order !== 0 ? order : a.name.localeCompare(b.name, 'id');
}

/**
 * Where each node sits: stakeholders in two columns by helix, programmes (as the server orders them,
 * newest first) in the middle, one row each; an edge runs from a stakeholder's inner side to the
 * programme's. Edges to a node not in the picture are left out.
 */
export function networkLayout(nodes: readonly HelixNode[], edges: readonly HelixEdge[]): NetworkLayout {
  const stakeholders = nodes.filter((n) => n.type === 'stakeholder').sort(byHelixThenName);
  const left = stakeholders.filter((n) => n.helix !== null && LEFT.includes(n.helix));
  const right = stakeholders.filter((n) => !left.includes(n));
  const programmes = nodes.filter((n) => n.type === 'programme');
  const rows = Math.max(left.length, right.length, programmes.length, 1);
  const height = NETWORK.top + rows * NETWORK.row + NETWORK.bottom;
  // A shorter column is centred against the tallest.
  const place = (column: HelixNode[], x: number): PlacedNode[] => {
    const offset = ((rows - column.length) * NETWORK.row) / 2;
    return column.map((node, i) => ({ node, x, y: NETWORK.top + offset + i * NETWORK.row + NETWORK.row / 2 }));
  };
  const placed = [...place(left, NETWORK.left), ...place(right, NETWORK.right)];
  const middle = place(programmes, NETWORK.middle);
  const at = new Map([...placed, ...middle].map((p) => [p.node.id, p]));
  const half = NETWORK.nodeWidth / 2;
  const placedEdges = edges.flatMap((edge): PlacedEdge[] => {
    const from = at.get(edge.source);
    const to = at.get(edge.target);
    if (!from || !to) return [];
    const fromLeft = from.x < to.x;
    return [
      {
        edge,
        x1: from.x + (fromLeft ? half : -half),
        y1: from.y,
        x2: to.x + (fromLeft ? -half : half),
        y2: to.y,
      },
    ];
  });
  return { width: NETWORK.width, height, stakeholders: placed, programmes: middle, edges: placedEdges };
}

/** A name cut to fit a node's box; the list under the picture carries it whole. */
export function fitName(name: string, chars = 26): string {
  const letters = [...name];
  return letters.length > chars ? `${letters.slice(0, chars - 1).join('')}…` : name;
}
