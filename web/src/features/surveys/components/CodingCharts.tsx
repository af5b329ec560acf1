import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { SurveyCoding } from '../types';
import { coOccurrenceMatrix, frequencyRows, heat } from '../types/charts';

const FREQUENCY_COLOUR = '#1d4f91';
const ROW_HEIGHT = 36;

/**
 * How often each code comes up (members whose answers carry it, as bars; passages and members in a
 * table) and which codes meet in one member's answers (a table shaded by how many members).
 */
export function CodingCharts({ coding }: { coding: SurveyCoding }) {
  const { t } = useTranslation();
  const rows = frequencyRows(coding);
  const used = rows.filter((row) => row.tags > 0);
  const matrix = coOccurrenceMatrix(coding);
  return (
    <section className="card" aria-labelledby="coding-charts-title" data-testid="coding-charts">
      <h2 id="coding-charts-title">{t('surveys.coding.frequencies')}</h2>
      {used.length === 0 ? (
        <p className="muted">{t('surveys.coding.noTags')}</p>
      ) : (
        <figure className="chart" data-testid="frequency-chart">
          <div aria-hidden="true">
            <BarChart
              data={used}
              layout="vertical"
              responsive
              style={{ width: '100%', height: used.length * ROW_HEIGHT + 40 }}
              margin={{ top: 4, right: 32, bottom: 4, left: 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={120} />
              <Tooltip />
              <Bar dataKey="responses" name={t('surveys.coding.members')} fill={FREQUENCY_COLOUR} isAnimationActive={false}>
                <LabelList dataKey="responses" position="right" fontSize={12} />
              </Bar>
            </BarChart>
          </div>
          <div className="table-wrap">
            <table className="data-table survey-table" data-testid="frequency-table">
              <caption className="visually-hidden">{t('surveys.coding.frequencyTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.coding.code')}</th>
                  <th scope="col" className="num">
                    {t('surveys.coding.passages')}
                  </th>
                  <th scope="col" className="num">
                    {t('surveys.coding.members')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.code_id}>
                    <th scope="row">{row.label}</th>
                    <td className="num">{row.tags}</td>
                    <td className="num">{row.responses}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </figure>
      )}
      {matrix.codes.length > 1 ? (
        <figure className="chart" data-testid="co-occurrence">
          <figcaption className="chart__caption">{t('surveys.coding.coOccurrence')}</figcaption>
          <p className="chart__note muted">{t('surveys.coding.coOccurrenceIntro')}</p>
          <div className="table-wrap">
            <table className="data-table heat-table" data-testid="co-occurrence-table">
              <caption className="visually-hidden">{t('surveys.coding.coOccurrenceTable')}</caption>
              <thead>
                <tr>
                  <td />
                  {matrix.codes.map((code) => (
                    <th key={code.id} scope="col" className="heat-table__head">
                      {code.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.codes.map((code, i) => (
                  <tr key={code.id}>
                    <th scope="row">{code.label}</th>
                    {matrix.cells[i]!.map((value, j) => (
                      <td key={matrix.codes[j]!.id} className={i === j ? 'num heat heat--self' : `num heat heat--${heat(value, matrix.max)}`}>
                        {value}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </figure>
      ) : null}
    </section>
  );
}
