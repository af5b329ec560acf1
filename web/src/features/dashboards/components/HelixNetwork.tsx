import { useTranslation } from 'react-i18next';
import type { HelixDashboard } from '../types';
import { fitName, NETWORK, networkLayout, type PlacedNode } from '../types/chart';
import { HELIX_COLOURS } from '../types/words';

/**
 * The network as an SVG of our own: stakeholders in two columns coloured by helix, programmes in the
 * middle, an edge per part a stakeholder plays (solid: owner; dashed: partner) labelled with it. It
 * keeps its width and scrolls sideways on a phone; the list beside it says the same in words.
 */
export function HelixNetwork({ data }: { data: HelixDashboard }) {
  const { t } = useTranslation();
  const layout = networkLayout(data.nodes, data.edges);
  const box = (placed: PlacedNode, fill: string, stroke: string, text: string) => (
    <g key={placed.node.id} data-node={placed.node.id}>
      <rect
        x={placed.x - NETWORK.nodeWidth / 2}
        y={placed.y - NETWORK.nodeHeight / 2}
        width={NETWORK.nodeWidth}
        height={NETWORK.nodeHeight}
        rx={6}
        fill={fill}
        stroke={stroke}
        strokeWidth={2}
      />
      <text x={placed.x} y={placed.y + 4} textAnchor="middle" fontSize={12} fill={text}>
        {fitName(placed.node.name)}
      </text>
      <title>{placed.node.name}</title>
    </g>
  );
  return (
    <div className="dash-network" data-testid="helix-network">
      <svg
        role="img"
        aria-label={t('dashboards.helix.networkLabel')}
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
      >
        <text x={NETWORK.left} y={20} textAnchor="middle" fontSize={12} fontWeight={700} fill="#4a5560">
          {`${t('stakeholders.helices.government')} · ${t('stakeholders.helices.business')}`}
        </text>
        <text x={NETWORK.middle} y={20} textAnchor="middle" fontSize={12} fontWeight={700} fill="#4a5560">
          {t('dashboards.helix.programmesColumn')}
        </text>
        <text x={NETWORK.right} y={20} textAnchor="middle" fontSize={12} fontWeight={700} fill="#4a5560">
          {`${t('stakeholders.helices.academia')} · ${t('stakeholders.helices.civil_society')}`}
        </text>
        {layout.edges.map(({ edge, x1, y1, x2, y2 }) => (
          <g key={`${edge.source}-${edge.target}`} data-edge={`${edge.source}-${edge.target}`} data-role={edge.role}>
            <line
              x1={x1}
              y1={y1}
              x2={x2}
              y2={y2}
              stroke={HELIX_COLOURS[edge.helix]}
              strokeWidth={2}
              strokeDasharray={edge.role === 'partner' ? '6 4' : undefined}
            />
            <text x={(x1 + x2) / 2} y={(y1 + y2) / 2 - 4} textAnchor="middle" fontSize={10} fill="#1b1f23" paintOrder="stroke" stroke="#ffffff" strokeWidth={3}>
              {t(`dashboards.helix.roles.${edge.role}`)}
            </text>
          </g>
        ))}
        {layout.stakeholders.map((placed) => box(placed, '#ffffff', HELIX_COLOURS[placed.node.helix ?? 'government'], '#1b1f23'))}
        {layout.programmes.map((placed) => box(placed, '#e3f1ed', '#0a4438', '#0a4438'))}
      </svg>
    </div>
  );
}
