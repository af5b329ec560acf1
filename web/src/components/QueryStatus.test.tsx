import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../test/render';
import { QueryStatus } from './QueryStatus';

interface Query<T> {
  data: T | undefined;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
}

const IDLE = { data: undefined, isError: false, error: null, isFetching: false };

function renderStatus<T>(query: Query<T>, extra: { empty?: string; isEmpty?: (data: T) => boolean } = { empty: 'Kosong' }) {
  const { container } = renderWithI18n(
    <div data-testid="status">
      <QueryStatus query={query} problem={(e) => `Gagal: ${String(e)}`} loading="Memuat…" {...extra} />
    </div>,
  );
  return container.querySelector('[data-testid="status"]')!;
}

describe('QueryStatus', () => {
  it('says "loading" while the first answer is on its way, and nothing else', () => {
    const box = renderStatus({ ...IDLE, isFetching: true });
    expect(screen.getByRole('status')).toHaveTextContent('Memuat…');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(box.children).toHaveLength(1);
    expect(box.innerHTML).toBe('<p role="status">Memuat…</p>');
  });

  it('puts a failure in words, and nothing else', () => {
    const box = renderStatus({ ...IDLE, isError: true, error: 'boom' });
    expect(screen.getByRole('alert')).toHaveTextContent('Gagal: boom');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(box.innerHTML).toBe('<div class="alert alert--error" role="alert">Gagal: boom</div>');
  });

  it('shows the failure and a refetch\'s "loading" together, the failure first', () => {
    const box = renderStatus({ ...IDLE, isError: true, error: 'boom', isFetching: true });
    expect(box.innerHTML).toBe('<div class="alert alert--error" role="alert">Gagal: boom</div><p role="status">Memuat…</p>');
  });

  it('says `empty` as a plain line when the answer is an empty array', () => {
    expect(renderStatus({ ...IDLE, data: [] as number[] }).innerHTML).toBe('<p>Kosong</p>');
  });

  it('says `empty` when the answer\'s items are empty', () => {
    expect(renderStatus({ ...IDLE, data: { items: [] as number[], total: 0 } }).innerHTML).toBe('<p>Kosong</p>');
  });

  it('says nothing over an answer that holds something, even while it loads again', () => {
    expect(renderStatus({ ...IDLE, data: { items: [1], total: 1 }, isFetching: true }).innerHTML).toBe('');
  });

  it('says nothing of an empty answer without `empty`', () => {
    expect(renderStatus({ ...IDLE, data: [] as number[] }, {}).innerHTML).toBe('');
  });

  it('asks `isEmpty` whether the answer holds nothing', () => {
    const query = { ...IDLE, data: { members: [] as number[], overlaps: [1] } };
    expect(renderStatus(query, { empty: 'Kosong', isEmpty: (d) => d.members.length === 0 }).innerHTML).toBe('<p>Kosong</p>');
    expect(renderStatus(query, { empty: 'Tidak ada', isEmpty: (d) => d.overlaps.length === 0 }).innerHTML).toBe('');
  });
});
