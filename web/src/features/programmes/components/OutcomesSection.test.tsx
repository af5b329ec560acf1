import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../lib/i18n';
import { addProgrammesTexts, useProgrammesTexts } from '../../../lib/i18n/programmes';
import { problem, routeFetch } from '../../../test/fixtures';
import { helpOutcomes } from '../../../test/learning';
import { jsonResponse, LAZY_CHUNK, renderWithI18n } from '../../../test/render';
import type { GroupOutcomeLine, ProgrammeLearningOutcomes } from '../types';
import { OutcomeCharts } from './OutcomeCharts';
import { OutcomesSection } from './OutcomesSection';

type Line = Omit<GroupOutcomeLine, 'group_id' | 'name'>;

function line(overrides: Partial<Line> = {}): Line {
  return {
    cycles: 0,
    closed: 0,
    achieved: 0,
    targets: 0,
    completion_percent: null,
    attendance_percent: null,
    help_requests: helpOutcomes(),
    ...overrides,
  };
}

/**
 * The programme's two groups: the tape group closed one of its two cycles at 75% with quick
 * answers; the batik group has learnt nothing it can count yet.
 */
function outcomes(overrides: Partial<ProgrammeLearningOutcomes> = {}): ProgrammeLearningOutcomes {
  const tape = line({
    cycles: 2,
    closed: 1,
    achieved: 3,
    targets: 4,
    completion_percent: 75,
    attendance_percent: 90,
    help_requests: helpOutcomes({
      total: 3,
      resolved: 2,
      advised: 1,
      first_advice: { count: 3, median_hours: 5, p90_hours: 8 },
      resolution: { count: 2, median_hours: 30, p90_hours: 40 },
    }),
  });
  return {
    programme_id: 7,
    groups_total: 2,
    groups: [
      { group_id: 3, name: 'Batik Jambangan Sidoarjo', ...line() },
      { group_id: 1, name: 'Tape Manis Banjarsari', ...tape },
    ],
    totals: tape,
    by_origin: [],
    ...overrides,
  };
}

function serve(answer: ProgrammeLearningOutcomes | Response) {
  return routeFetch({
    'GET /api/v1/programmes/7/learning-outcomes': () => (answer instanceof Response ? answer : jsonResponse(answer)),
  });
}

/** As the programme page does: the programmes' texts join before the section translates. */
function WithTexts({ children }: { children: ReactNode }) {
  useProgrammesTexts();
  return <>{children}</>;
}

const section = <WithTexts><OutcomesSection programmeId={7} /></WithTexts>;

const rowsOf = (table: HTMLElement) =>
  within(table).getAllByRole('row').map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent));

describe("a programme's learning outcomes", () => {
  it('charts the groups first, then counts each group and all of them in a table: cycles (closed), completion, attendance, requests and their median times', async () => {
    serve(outcomes());
    renderWithI18n(section);
    expect(await screen.findByText('2 kelompok')).toBeInTheDocument();
    const charts = await screen.findByTestId('outcome-charts', {}, LAZY_CHUNK);
    expect(charts).toHaveTextContent('Ketuntasan per kelompok (%)');
    expect(charts).toHaveTextContent('Waktu sampai saran pertama, median (jam)');
    expect(screen.getByText('Angka per kelompok', { selector: 'summary' })).toBeInTheDocument();
    expect(rowsOf(screen.getByTestId('outcome-table'))).toEqual([
      ['Kelompok', 'Siklus (selesai)', 'Ketuntasan', 'Kehadiran', 'Permintaan bantuan', 'Saran pertama (median)', 'Selesai (median)'],
      ['Batik Jambangan Sidoarjo', '0 (0)', '–', '–', '0', '–', '–'],
      ['Tape Manis Banjarsari', '2 (1)', '75%', '90%', '3', '5 jam', '30 jam'],
      ['Semua kelompok', '2 (1)', '75%', '90%', '3', '5 jam', '30 jam'],
    ]);
  }, 20_000); // the charts are a lazy chunk

  it('speaks English', async () => {
    serve(outcomes({ groups_total: 1, groups: [outcomes().groups[1]!] }));
    renderWithI18n(section, 'en');
    expect(await screen.findByText('1 group')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Learning outcomes of the groups' })).toBeInTheDocument();
    const rows = rowsOf(screen.getByTestId('outcome-table'));
    expect(rows[1]).toEqual(['Tape Manis Banjarsari', '2 (1)', '75%', '90%', '3', '5 h', '30 h']);
  });

  it('says so when the programme has no group the reader reaches, whether the server answers 404 or an empty list', async () => {
    serve(problem('not-found', 404));
    const { unmount } = renderWithI18n(section);
    expect(await screen.findByText('Belum ada kelompok program ini yang dapat Anda lihat.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();

    serve(outcomes({ groups_total: 0, groups: [], totals: line() }));
    renderWithI18n(section);
    expect(await screen.findByText('Belum ada kelompok program ini yang dapat Anda lihat.')).toBeInTheDocument();
    expect(screen.queryByTestId('outcome-table')).toBeNull();
  });

  it('says why the outcomes could not be read', async () => {
    serve(problem('forbidden', 403));
    renderWithI18n(section);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByTestId('outcome-table')).toBeNull();
  });
});

describe('the outcome charts', () => {
  it('are captioned in the reader’s language and hidden from screen readers, which read the table instead', () => {
    const i18n = createI18n('en');
    addProgrammesTexts(i18n);
    render(
      <I18nextProvider i18n={i18n}>
        <OutcomeCharts outcomes={outcomes()} />
      </I18nextProvider>,
    );
    const charts = screen.getByTestId('outcome-charts');
    expect(charts).toHaveAttribute('aria-hidden', 'true');
    expect(charts).toHaveTextContent('Completion per group (%)');
    expect(charts).toHaveTextContent('Time to first advice, median (hours)');
  });
});
