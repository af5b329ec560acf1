import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Page } from '../lib/page';
import { renderWithI18n } from '../test/render';
import { ResultsSection } from './ResultsSection';

interface Row {
  id: number;
  name: string;
}

function pageOf(items: Row[], total: number, offset = 0): Page<Row> {
  return { items, total, limit: 2, offset };
}

function renderResults(query: { data: Page<Row> | undefined; isFetching?: boolean; error?: unknown }, onOffset = vi.fn()) {
  renderWithI18n(
    <main id="main">
      <h1 tabIndex={-1}>{'Kelompok'}</h1>
      <ResultsSection
        title="Daftar kelompok"
        query={{ data: query.data, isFetching: query.isFetching ?? false, isError: query.error !== undefined, error: query.error }}
        loading="Memuat…"
        total={(count) => `${count} kelompok`}
        empty="Belum ada kelompok."
        problem={(error) => `Gagal: ${String(error)}`}
        totalTestId="total"
        limit={2}
        offset={query.data?.offset ?? 0}
        onOffset={onOffset}
      >
        {(items) => (
          <ul data-testid="rows">
            {items.map((row) => (
              <li key={row.id}>{row.name}</li>
            ))}
          </ul>
        )}
      </ResultsSection>
    </main>,
  );
  return onOffset;
}

describe('ResultsSection', () => {
  it('says it is loading before the first page, and is busy meanwhile', () => {
    renderResults({ data: undefined, isFetching: true });
    expect(screen.getByTestId('total')).toHaveTextContent('Memuat…');
    expect(screen.getByRole('region', { name: 'Daftar kelompok' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByTestId('rows')).not.toBeInTheDocument();
  });

  it('counts the results, shows the rows, and pages on; the focus goes back to the heading', async () => {
    const user = userEvent.setup();
    const onOffset = renderResults({ data: pageOf([{ id: 1, name: 'Harapan Sejahtera' }, { id: 2, name: 'Citra Gendhis' }], 3) });
    expect(screen.getByTestId('total')).toHaveTextContent('3 kelompok');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Harapan Sejahtera', 'Citra Gendhis']);
    await user.click(screen.getByRole('button', { name: /berikutnya/i }));
    expect(onOffset).toHaveBeenCalledWith(2);
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });

  it('says when there is nothing, with no rows and no pager', () => {
    renderResults({ data: pageOf([], 0) });
    expect(screen.getByText('Belum ada kelompok.')).toBeInTheDocument();
    expect(screen.queryByTestId('rows')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('words a failed query, keeping the page it had', () => {
    renderResults({ data: pageOf([{ id: 1, name: 'Harapan Sejahtera' }], 1), error: 'offline' });
    expect(screen.getByRole('alert')).toHaveTextContent('Gagal: offline');
    expect(screen.getByText('Harapan Sejahtera')).toBeInTheDocument();
  });
});
