// The learning outcomes' charts, a chunk of their own: recharts loads when the tab is opened.
import { useTranslation } from 'react-i18next';
import { Bar } from 'recharts';
import { ChartDrawing } from '../../../charts/ChartDrawing';
import type { ProgrammeLearningOutcomes } from '../types';

const COMPLETION_COLOUR = '#0f5f4f';
const RESPONSE_COLOUR = '#1d4f91';
const HEIGHT = 220;
// Every group's name under its bar, in smaller type.
const GROUPS = { dataKey: 'name', interval: 0, tick: { fontSize: 11 } } as const;

/** A group's name shortened for an axis; the table carries it whole. */
const short = (name: string) => (name.length > 14 ? `${name.slice(0, 13)}…` : name);

export function OutcomeCharts({ outcomes }: { outcomes: ProgrammeLearningOutcomes }) {
  const { t } = useTranslation();
  const data = outcomes.groups.map((g) => ({
    name: short(g.name),
    completion: g.completion_percent ?? 0,
    response: g.help_requests.first_advice.median_hours ?? 0,
  }));
  return (
    <div className="outcome-pair" aria-hidden="true" data-testid="outcome-charts">
      <div>
        <p className="chart__caption">{t('programmes.outcomes.completionChart')}</p>
        <ChartDrawing kind="bar" layout="columns" data={data} height={HEIGHT} x={GROUPS} y={{ domain: [0, 100] }}>
          <Bar dataKey="completion" name={t('programmes.outcomes.completionKey')} fill={COMPLETION_COLOUR} minPointSize={2} isAnimationActive={false} />
        </ChartDrawing>
      </div>
      <div>
        <p className="chart__caption">{t('programmes.outcomes.responseChart')}</p>
        <ChartDrawing kind="bar" layout="columns" data={data} height={HEIGHT} x={GROUPS}>
          <Bar dataKey="response" name={t('programmes.outcomes.responseKey')} fill={RESPONSE_COLOUR} minPointSize={2} isAnimationActive={false} />
        </ChartDrawing>
      </div>
    </div>
  );
}

