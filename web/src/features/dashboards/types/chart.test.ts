import { describe, expect, it } from 'vitest';
import type { EquityRow, HelixEdge, HelixNode } from './index';
import { barPercent, drawnRows, equityBars, fitName, NETWORK, networkLayout, scaleMax } from './chart';

function row(key: string, o: Partial<EquityRow> = {}): EquityRow {
  return {
    key,
    name: key,
    enterprises: 0,
    enterprises_served: 0,
    groups_served: 0,
    records: 0,
    value: 0,
    share_served: null,
    value_per_enterprise: null,
    ...o,
  };
}

describe('bar scaling', () => {
  it('measures a bar against the longest, one decimal, within 0..100', () => {
    expect(barPercent(1, 3)).toBe(33.3);
    expect(barPercent(3, 3)).toBe(100);
    expect(barPercent(5, 3)).toBe(100);
    expect(barPercent(0, 3)).toBe(0);
    expect(barPercent(null, 3)).toBe(0);
    expect(barPercent(2, 0)).toBe(0);
    expect(barPercent(Number.NaN, 3)).toBe(0);
  });

  it('finds the longest bar among values that may be missing', () => {
    expect(scaleMax([1, null, 7, 3])).toBe(7);
    expect(scaleMax([])).toBe(0);
    expect(scaleMax([null, -1])).toBe(0);
  });
});

describe('the equity bars', () => {
  const rows = [
    row('35.79.01', { enterprises: 1, share_served: 0, value_per_enterprise: 0 }),
    row('35.79.02', { enterprises: 4, enterprises_served: 2, records: 2, value: 4_000_000, share_served: 0.5, value_per_enterprise: 1_000_000 }),
    row('35.79.03'),
    row('35.79.04', { groups_served: 1, records: 1, value: 500_000 }),
  ];

  it('draws the rows with enterprises or assistance, and lists the rest only', () => {
    expect(drawnRows(rows).map((r) => r.key)).toEqual(['35.79.01', '35.79.02', '35.79.04']);
  });

  it('puts the served inside the registry’s count on one scale, and rupiah per enterprise on its own', () => {
    const bars = equityBars(rows);
    expect(bars.map(({ key, registry, served, perEnterprise }) => ({ key, registry, served, perEnterprise }))).toEqual([
      { key: '35.79.01', registry: 25, served: 0, perEnterprise: 0 },
      { key: '35.79.02', registry: 100, served: 50, perEnterprise: 100 },
      { key: '35.79.04', registry: 0, served: 0, perEnterprise: 0 },
    ]);
  });
});

describe('the helix network layout', () => {
  const node = (id: string, type: HelixNode['type'], name: string, helix: HelixNode['helix'] = null): HelixNode => ({
    id,
    type,
    record_id: Number(id.slice(1)),
    name,
    helix,
    kind: null,
    status: type === 'programme' ? 'active' : null,
  });
  const nodes = [
    node('s3', 'stakeholder', 'Universitas Brawijaya', 'academia'),
    node('s2', 'stakeholder', 'Bank Jatim', 'business'),
    node('s1', 'stakeholder', 'Dinas Koperasi', 'government'),
    node('p1', 'programme', 'Kredit Usaha Muda'),
  ];
  const edges: HelixEdge[] = [
    { source: 's1', target: 'p1', role: 'owner', helix: 'government', contribution: null },
    { source: 's3', target: 'p1', role: 'partner', helix: 'academia', contribution: 'pelatihan' },
    { source: 's9', target: 'p1', role: 'partner', helix: 'business', contribution: null },
  ];

  it('puts government and business left, academia and civil society right, programmes in the middle', () => {
    const layout = networkLayout(nodes, edges);
    expect(layout.stakeholders.map((p) => [p.node.id, p.x])).toEqual([
      ['s1', NETWORK.left],
      ['s2', NETWORK.left],
      ['s3', NETWORK.right],
    ]);
    expect(layout.programmes.map((p) => [p.node.id, p.x])).toEqual([['p1', NETWORK.middle]]);
    expect(layout.height).toBe(NETWORK.top + 2 * NETWORK.row + NETWORK.bottom);
  });

  it('centres a shorter column and joins each edge from the stakeholder’s inner side to the programme', () => {
    const layout = networkLayout(nodes, edges);
    const programme = layout.programmes[0]!;
    expect(programme.y).toBe(NETWORK.top + NETWORK.row / 2 + NETWORK.row / 2);
    const half = NETWORK.nodeWidth / 2;
    expect(layout.edges.map(({ edge, x1, x2 }) => [edge.source, x1, x2])).toEqual([
      ['s1', NETWORK.left + half, NETWORK.middle - half],
      ['s3', NETWORK.right - half, NETWORK.middle + half],
    ]);
  });

  it('draws an empty network one row high', () => {
    expect(networkLayout([], []).height).toBe(NETWORK.top + NETWORK.row + NETWORK.bottom);
  });

  it('cuts a long name to fit its box', () => {
    expect(fitName('Dinas Koperasi Usaha Mikro dan Perdagangan Kota Batu', 12)).toBe('Dinas Koper…');
    expect(fitName('Bank Jatim', 12)).toBe('Bank Jatim');
  });
});
