import { useTranslation } from 'react-i18next';
import { Bar, LabelList } from 'recharts';
import { ChartDrawing } from '../../../charts/ChartDrawing';
import { type Column, DataTable } from '../../../components/DataTable';
import type { SurveyCoding } from '../types';
import { coOccurrenceMatrix, frequencyRows, heat } from '../types/charts';

const FREQUENCY_COLOUR = '#1d4f91';
const ROW_HEIGHT = 36;
const FREQUENCY_COLUMNS: readonly Column[] = [
  { label: 'surveys.coding.code' },
  { label: 'surveys.coding.passages', num: true },
  { label: 'surveys.coding.members', num: true },
];

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
            <ChartDrawing
              kind="bar"
              layout="rows"
              data={used}
              height={used.length * ROW_HEIGHT + 40}
              margin={{ top: 4, right: 32, bottom: 4, left: 0 }}
              x={{ allowDecimals: false }}
              y={{ dataKey: 'label', width: 120 }}
            >
              <Bar dataKey="responses" name={t('surveys.coding.members')} fill={FREQUENCY_COLOUR} isAnimationActive={false}>
                <LabelList dataKey="responses" position="right" fontSize={12} />
              </Bar>
            </ChartDrawing>
          </div>
          <DataTable caption={t('surveys.coding.frequencyTable')} testId="frequency-table" className="survey-table" columns={FREQUENCY_COLUMNS}>
            {rows.map((row) => (
              <tr key={row.code_id}>
                <th scope="row">{row.label}</th>
                <td className="num">{row.tags}</td>
                <td className="num">{row.responses}</td>
              </tr>
            ))}
          </DataTable>
        </figure>
      )}
      {matrix.codes.length > 1 ? (
        <figure className="chart" data-testid="co-occurrence">
          <figcaption className="chart__caption">{t('surveys.coding.coOccurrence')}</figcaption>
          <p className="chart__note muted">{t('surveys.coding.coOccurrenceIntro')}</p>
          <DataTable
            caption={t('surveys.coding.coOccurrenceTable')}
            testId="co-occurrence-table"
            className="heat-table"
            head={
              <>
                <td />
                {matrix.codes.map((code) => (
                  <th key={code.id} scope="col" className="heat-table__head">
                    {code.label}
                  </th>
                ))}
              </>
            }
          >
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
          </DataTable>
        </figure>
      ) : null}
    </section>
  );
}
