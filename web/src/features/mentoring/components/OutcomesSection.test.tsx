import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page, problem, routeFetch } from '../../../test/fixtures';
import { groupView } from '../../../test/groups';
import { helpOutcomes, learningOutcomes } from '../../../test/learning';
import { jsonResponse, renderWithI18n } from '../../../test/render';
import type { LearningOutcomes } from '../types/outcomes';
import { OutcomesSection } from './OutcomesSection';

const GROUP = groupView({ member_id: 14 });

function serve(outcomes: LearningOutcomes | Response) {
  return routeFetch({
    'GET /api/v1/groups/1/learning-outcomes': () => (outcomes instanceof Response ? outcomes : jsonResponse(outcomes)),
    'GET /api/v1/cycles': () => page([], 0, 200),
  });
}

describe('the learning outcomes', () => {
  it('says the help requests’ counts and times, and the cycles’ completion and attendance in a table beside the chart', async () => {
    serve(learningOutcomes());
    renderWithI18n(<OutcomesSection group={GROUP} />);
    expect(await screen.findByTestId('outcomes-help')).toHaveTextContent('5 permintaan bantuan: 3 selesai, 1 menunggu, 1 dihentikan.');
    expect(screen.getByTestId('outcomes-help-times')).toHaveTextContent(
      'Median saran pertama 5 jam (90% dalam 6 jam); median sampai selesai 30 jam (90% dalam 2,1 hari).',
    );
    expect(screen.getByTestId('cycle-outcomes-chart')).toHaveTextContent('Ketercapaian dan kehadiran per siklus');
    const rows = within(screen.getByTestId('cycle-outcomes-table')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['SiklusKetercapaianKehadiran', 'Ragi tape yang manis75%100%', 'Kemasan0%50%']);
  });

  it('compares community mentors with outside consultants on completion and median resolution, in a chart and in words', async () => {
    serve(learningOutcomes());
    renderWithI18n(<OutcomesSection group={GROUP} />);
    const figure = await screen.findByTestId('origin-chart');
    expect(figure).toHaveTextContent('Mentor komunitas dan konsultan luar');
    expect(within(figure).queryByText('Belum ada siklus selesai atau bantuan selesai untuk dibandingkan.')).toBeNull();
    const community = screen.getByTestId('origin-community');
    expect(within(community).getByRole('rowheader')).toHaveTextContent('Mentor komunitas');
    expect(community).toHaveTextContent('75%');
    expect(community).toHaveTextContent('1 siklus selesai');
    expect(community).toHaveTextContent('4 jam');
    expect(community).toHaveTextContent('19 jam');
    expect(community).toHaveTextContent('2 bantuan selesai');
    const external = screen.getByTestId('origin-external');
    expect(external).toHaveTextContent('Konsultan luar');
    expect(external).toHaveTextContent('—');  // no closed cycle yet
    expect(external).toHaveTextContent('0 siklus selesai');
    expect(external).toHaveTextContent('2,3 hari');
  });

  it('speaks English with decimal points', async () => {
    serve(learningOutcomes({ help_requests: helpOutcomes({ total: 1, advised: 1, first_advice: { count: 1, median_hours: 5.5, p90_hours: 5.5 } }) }));
    renderWithI18n(<OutcomesSection group={GROUP} />, 'en');
    expect(await screen.findByTestId('outcomes-help')).toHaveTextContent('1 help request: 0 resolved, 1 waiting, 0 abandoned.');
    expect(screen.getByTestId('outcomes-help-times')).toHaveTextContent('Median first advice 5.5 h (90% within 5.5 h); median to resolution — (90% within —).');
    expect(screen.getByTestId('origin-external')).toHaveTextContent('2.3 days');
    expect(screen.getByRole('heading', { name: 'Learning outcomes' })).toBeInTheDocument();
  });

  it('says there is nothing to count yet, and that nothing can be compared before a cycle closes', async () => {
    serve(learningOutcomes({ cycles: [], help_requests: helpOutcomes(), by_origin: [] }));
    const { unmount } = renderWithI18n(<OutcomesSection group={GROUP} />);
    expect(await screen.findByText('Belum ada siklus belajar atau permintaan bantuan untuk dihitung.')).toBeInTheDocument();
    expect(screen.queryByTestId('origin-chart')).toBeNull();
    unmount();

    const open = learningOutcomes();
    serve({
      ...open,
      by_origin: open.by_origin.map((side) => ({ ...side, completion_percent: null, help_requests: helpOutcomes({ total: 1, open: 1 }) })),
    });
    renderWithI18n(<OutcomesSection group={GROUP} />);
    expect(await screen.findByText('Belum ada siklus selesai atau bantuan selesai untuk dibandingkan.')).toBeInTheDocument();
    expect(screen.getByTestId('origin-table')).toBeInTheDocument();
  });

  it('says why the outcomes could not be read', async () => {
    serve(problem('forbidden', 403));
    renderWithI18n(<OutcomesSection group={GROUP} />);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByTestId('outcomes-help')).toBeNull();
  });
});
