import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../test/render';
import { RecordList } from './RecordList';

interface Item {
  id: number;
  name: string;
}

const IDLE = { data: undefined, isError: false, error: null, isFetching: false };

function page(items: Item[], total = items.length) {
  return { items, total, limit: 2, offset: 0 };
}

function renderList(query: { data: ReturnType<typeof page> | undefined; isError: boolean; error: unknown; isFetching: boolean }, paging?: { limit: number; offset: number; onChange: (offset: number) => void }) {
  return renderWithI18n(
    <RecordList query={query} problem={(e) => `Gagal: ${String(e)}`} loading="Memuat…" empty="Belum ada" testId="thing-list" paging={paging}>
      {(item: Item) => <li key={item.id}>{item.name}</li>}
    </RecordList>,
  );
}

describe('RecordList', () => {
  it('lists each record of the page through its render function, in order', () => {
    renderList({ ...IDLE, data: page([{ id: 1, name: 'Batik tulis' }, { id: 2, name: 'Keripik' }]) });
    const list = screen.getByTestId('thing-list');
    expect(list).toHaveClass('record-list');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Batik tulis', 'Keripik']);
    expect(screen.queryByText('Belum ada')).not.toBeInTheDocument();
  });

  it('says the page is empty instead of an empty list', () => {
    renderList({ ...IDLE, data: page([]) });
    expect(screen.getByText('Belum ada')).toBeInTheDocument();
    expect(screen.queryByTestId('thing-list')).not.toBeInTheDocument();
  });

  it('says "loading" and then a failure in words, with no list', () => {
    const { unmount } = renderList({ ...IDLE, isFetching: true });
    expect(screen.getByRole('status')).toHaveTextContent('Memuat…');
    expect(screen.queryByTestId('thing-list')).not.toBeInTheDocument();
    unmount();
    renderList({ ...IDLE, isError: true, error: 'boom' });
    expect(screen.getByRole('alert')).toHaveTextContent('Gagal: boom');
  });

  it('pages through the records with `paging`, and shows no pager without it', async () => {
    const onChange = vi.fn();
    const data = page([{ id: 1, name: 'A' }, { id: 2, name: 'B' }], 5);
    const { unmount } = renderList({ ...IDLE, data }, { limit: 2, offset: 0, onChange });
    await userEvent.click(screen.getByRole('button', { name: 'Berikutnya' }));
    expect(onChange).toHaveBeenCalledWith(2);
    unmount();
    renderList({ ...IDLE, data });
    expect(screen.queryByRole('button', { name: 'Berikutnya' })).not.toBeInTheDocument();
  });
});
