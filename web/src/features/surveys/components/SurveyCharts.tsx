import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, LabelList, type Margin } from 'recharts';
import { ChartDrawing, PERCENT_AXIS, percentTick } from '../../../charts/ChartDrawing';
import { ChartLegend } from '../../../components/ChartLegend';
import { type Column, DataTable } from '../../../components/DataTable';
import { formatNumber } from '../../../lib/format';
import { SCALE, scaleWordsOf, type QuestionKind, type ScaleValue, type SurveyView } from '../types';
import { checkRows, scaleRows, shareKey, stackedData } from '../types/charts';

// A diverging scale from brown (disagree, not important) through grey to teal (agree, important),
// legible for colour-blind readers: the answers differ in lightness as well as in hue.
export const SCALE_COLOURS: Record<ScaleValue, string> = {
  1: '#8c510a',
  2: '#d8b365',
  3: '#a3a3a3',
  4: '#5ab4ac',
  5: '#01665e',
};
const BENEFIT_COLOUR = '#0f5f4f';
const ROW_HEIGHT = 44;
const CHECK_COLUMNS: readonly Column[] = [
  { label: 'surveys.charts.item' },
  { label: 'surveys.charts.chosen', num: true },
  { label: 'surveys.charts.share', num: true },
];

/**
 * A survey's totals as seed 000 drew them: a scale as one bar per statement split by the share of
 * each answer (Figure 1), a checklist as the share of members choosing each item (Figure 2). Each
 * chart has a table with the same figures, for screen readers and exact numbers; the drawings
 * themselves are hidden from assistive technology.
 */
export function SurveyCharts({ survey, kinds }: { survey: SurveyView; kinds: readonly QuestionKind[] }) {
  const { t } = useTranslation();
  const scale = kinds.includes('likert');
  const check = kinds.includes('check');
  return (
    <section className="card" aria-labelledby="survey-charts-title" data-testid="survey-charts">
      <h2 id="survey-charts-title">{t('surveys.charts.title')}</h2>
      {survey.responses === 0 ? (
        <p className="muted">{t('surveys.charts.none')}</p>
      ) : (
        <p data-testid="survey-respondents">{t('surveys.charts.respondents', { count: survey.responses })}</p>
      )}
      {scale && survey.responses > 0 ? <ScaleChart survey={survey} /> : null}
      {check && survey.responses > 0 ? <CheckChart survey={survey} /> : null}
      {!scale && !check ? <p className="muted">{t('surveys.charts.openOnly')}</p> : null}
    </section>
  );
}

interface ShareBarsProps {
  /** One row a bar, as many rows as the table under the drawing has. */
  data: readonly object[];
  margin: Margin;
  /** The percentages written along the bottom. */
  ticks: number[];
  /** The rows' names on the left: which key of a row, how wide. */
  y: { dataKey: string; width: number };
  children: ReactNode;
}

/** Shares drawn as one horizontal bar a row, 0 to 100%, hidden from assistive technology. */
function ShareBars({ data, margin, ticks, y, children }: ShareBarsProps) {
  return (
    <div aria-hidden="true">
      <ChartDrawing
        kind="bar"
        layout="rows"
        data={data}
        height={data.length * ROW_HEIGHT + 40}
        margin={margin}
        x={{ ...PERCENT_AXIS, ticks }}
        y={y}
        tooltip={percentTick}
      >
        {children}
      </ChartDrawing>
    </div>
  );
}

function ScaleChart({ survey }: { survey: SurveyView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const rows = scaleRows(survey.template, survey.summary, language);
  const words = scaleWordsOf(survey.template.code);
  const data = stackedData(rows).map((row, i) => ({ ...row, number: String(i + 1) }));
  const wordsOf = (n: ScaleValue) => t(`surveys.scale.${words}.${n}`);
  return (
    <figure className="chart" data-testid="scale-chart">
      <figcaption className="chart__caption">{t('surveys.charts.scaleCaption')}</figcaption>
      <ChartLegend keys={SCALE.map((n) => ({ look: 'swatch', label: wordsOf(n), colour: SCALE_COLOURS[n] }))} />
      <ShareBars
        data={data}
        margin={{ top: 4, right: 12, bottom: 4, left: -28 }}
        ticks={[0, 25, 50, 75, 100]}
        y={{ dataKey: 'number', width: 56 }}
      >
        {SCALE.map((n) => (
          <Bar key={n} dataKey={shareKey(n)} stackId="scale" name={wordsOf(n)} fill={SCALE_COLOURS[n]} isAnimationActive={false} />
        ))}
      </ShareBars>
      <p className="chart__note muted">{t('surveys.charts.scaleNote')}</p>
      <DataTable
        caption={t('surveys.charts.scaleTable')}
        testId="scale-table"
        className="survey-table"
        head={
          <>
            <th scope="col">{t('surveys.charts.statement')}</th>
            {SCALE.map((n) => (
              <th key={n} scope="col" className="num">
                <abbr title={wordsOf(n)}>{n}</abbr>
              </th>
            ))}
            <th scope="col" className="num">
              {t('surveys.charts.answered')}
            </th>
            <th scope="col" className="num">
              {t('surveys.charts.mean')}
            </th>
          </>
        }
      >
        {rows.map((row, i) => (
          <tr key={row.question_id}>
            <th scope="row">{`${i + 1}. ${row.label}`}</th>
            {SCALE.map((n) => (
              <td key={n} className="num">
                {row.counts[n]}
              </td>
            ))}
            <td className="num">{row.answered}</td>
            <td className="num">
              {row.mean === null ? '–' : t('surveys.charts.meanValue', { mean: formatNumber(Math.round(row.mean * 10) / 10, language) })}
            </td>
          </tr>
        ))}
      </DataTable>
    </figure>
  );
}

function CheckChart({ survey }: { survey: SurveyView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const rows = checkRows(survey.template, survey.summary, language);
  const data = rows.map((row) => ({ label: row.label, share: row.share ?? 0 }));
  return (
    <figure className="chart" data-testid="check-chart">
      <figcaption className="chart__caption">{t('surveys.charts.checkCaption')}</figcaption>
      <ShareBars data={data} margin={{ top: 4, right: 40, bottom: 4, left: 0 }} ticks={[0, 50, 100]} y={{ dataKey: 'label', width: 120 }}>
        <Bar dataKey="share" name={t('surveys.charts.share')} fill={BENEFIT_COLOUR} minPointSize={2} isAnimationActive={false}>
          <LabelList dataKey="share" position="right" formatter={percentTick} fontSize={12} />
        </Bar>
      </ShareBars>
      <DataTable caption={t('surveys.charts.checkTable')} testId="check-table" className="survey-table" columns={CHECK_COLUMNS}>
        {rows.map((row) => (
          <tr key={row.question_id}>
            <th scope="row">{row.label}</th>
            <td className="num">{t('surveys.charts.shareOf', { checked: row.checked, answered: row.answered })}</td>
            <td className="num">{row.share === null ? '–' : t('surveys.charts.shareValue', { share: row.share })}</td>
          </tr>
        ))}
      </DataTable>
    </figure>
  );
}
