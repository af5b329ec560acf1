import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, routeFetch } from '../../../test/fixtures';
import { compliance, complianceMonth, groupView } from '../../../test/groups';
import { renderAt } from '../../../test/fixtures';
import { jsonResponse, LAZY_CHUNK } from '../../../test/render';
import { ComplianceSection } from './ComplianceSection';

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  fetchMock = routeFetch({
    'GET /api/v1/groups/1/compliance': () =>
      jsonResponse(compliance([complianceMonth('2026-01', 2, 6, 8), complianceMonth('2026-02', 2, 7, 8), complianceMonth('2026-03', 0)])),
  });
});

function renderCompliance() {
  return renderAt(<ComplianceSection group={groupView()} language="id" thisMonth="2026-03" />, {
    path: '/groups/1/compliance',
    at: '/groups/1/compliance',
  });
}

const lastRange = () => {
  const params = callsTo(fetchMock, 'GET /api/v1/groups/1/compliance').at(-1)!.url.searchParams;
  return { from: params.get('from'), to: params.get('to') };
};

describe('the SOP compliance section', () => {
  it('asks for the twelve months ending this month and sums them up', async () => {
    renderCompliance();
    expect(await screen.findByTestId('compliance-summary')).toHaveTextContent(
      '4 dari 3 pertemuan wajib diadakan: kepatuhan 133%.',
    );
    expect(lastRange()).toEqual({ from: '2025-04', to: '2026-03' });
    expect(screen.getByText(/SOP: 1 kali pertemuan sebulan\./)).toBeInTheDocument();
  });

  it('gives the same figures as a table for those who prefer numbers', async () => {
    renderCompliance();
    const table = await screen.findByTestId('compliance-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['Jan 2026', '2', '1', '200%', '75%'],
      ['Feb 2026', '2', '1', '200%', '88%'],
      ['Mar 2026', '0', '1', '0%', '–'],
    ]);
  });

  it('draws meetings per month against the SOP, and the attendance trend', async () => {
    renderCompliance();
    expect(await screen.findByTestId('held-chart', {}, LAZY_CHUNK)).toHaveTextContent('Pertemuan per bulan');
    expect(screen.getByTestId('held-chart')).toHaveTextContent('Wajib menurut SOP');
    expect(await screen.findByTestId('attendance-chart', {}, LAZY_CHUNK)).toHaveTextContent('Kehadiran anggota per bulan (%)');
  });

  it('says when no attendance was taken instead of drawing an empty line', async () => {
    routeFetch({ 'GET /api/v1/groups/1/compliance': () => jsonResponse(compliance([complianceMonth('2026-03', 1)])) });
    renderCompliance();
    expect(await screen.findByText('Kehadiran belum pernah dicatat dalam rentang ini.')).toBeInTheDocument();
  });

  it('asks again for a longer period', async () => {
    const user = userEvent.setup();
    renderCompliance();
    await screen.findByTestId('compliance-table');
    await user.selectOptions(screen.getByLabelText('Rentang waktu'), '24');
    await waitFor(() => expect(lastRange()).toEqual({ from: '2024-04', to: '2026-03' }));
  });
});
