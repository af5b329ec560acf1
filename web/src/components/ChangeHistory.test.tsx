import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../lib/i18n';
import type { Schemas } from '../lib/api/schemas';
import { historyEntry } from '../test/people';
import { renderWithI18n } from '../test/render';
import { ChangeHistory, sharedHistoryValue, type HistoryQuery } from './ChangeHistory';

type AuditEntry = Schemas['AuditEntry'];

const t = createI18n('id').t;

/** A change of Siti Aminah's phone number by petugas (test/people.ts's history entry, the phone alone). */
const entry = (id: number, overrides: Partial<AuditEntry> = {}): AuditEntry =>
  historyEntry({ id, before: { phone: '+6281234567890' }, after: { phone: '+6281333445566' }, request_id: 'r', ...overrides });

function history(items: AuditEntry[], total = items.length, fetchNextPage = () => Promise.resolve()): HistoryQuery {
  return {
    data: { pages: [{ items, total, limit: 20, offset: 0 }], pageParams: [0] },
    isFetching: false,
    isSuccess: true,
    isError: false,
    error: null,
    fetchNextPage,
  };
}

const WORDS = { field: (field: string) => (field === 'phone' ? 'Nomor telepon' : field), action: (action: string) => action.toUpperCase() };

describe('sharedHistoryValue', () => {
  it('reads empty values, yes and no, instants and linked records in words', () => {
    expect(sharedHistoryValue(t, 'id', 'phone', null)).toBe('(kosong)');
    expect(sharedHistoryValue(t, 'id', 'disabled', true)).toBe('ya');
    expect(sharedHistoryValue(t, 'id', 'nik_consent_at', '2024-01-10T03:00:00Z')).toMatch(/^10 Jan 2024/);
    expect(sharedHistoryValue(t, 'id', 'owner', { id: 3, name: 'Siti' })).toBe('Siti');
    expect(sharedHistoryValue(t, 'id', 'birth_year', 1980)).toBe('1980');
  });
});

describe('ChangeHistory', () => {
  it('shows each change before → after, who made it and when, a creation without a before', () => {
    renderWithI18n(
      <ChangeHistory
        history={history([entry(2), entry(1, { action: 'create', before: null, after: { phone: '+6281234567890' }, actor: null })])}
        words={WORDS}
      />,
    );
    const [update, create] = [...screen.getByTestId('history').children] as HTMLElement[];
    expect(update).toHaveTextContent('UPDATE');
    expect(update).toHaveTextContent('oleh petugas');
    expect(update).toHaveTextContent('Nomor telepon: +6281234567890 → +6281333445566');
    expect(create).toHaveTextContent('oleh sistem');
    expect(create).not.toHaveTextContent('→');
  });

  it('lets the record’s own words read a value, and loads older entries on request', async () => {
    const user = userEvent.setup();
    const more = vi.fn(() => Promise.resolve());
    renderWithI18n(<ChangeHistory history={history([entry(2)], 5, more)} words={{ ...WORDS, value: (_field, value) => `«${String(value)}»` }} />);
    expect(screen.getByTestId('history')).toHaveTextContent('«+6281234567890» → «+6281333445566»');
    await user.click(screen.getByRole('button', { name: 'Tampilkan riwayat lebih lama' }));
    expect(more).toHaveBeenCalledOnce();
  });

  it('says when there is no history yet', () => {
    renderWithI18n(<ChangeHistory history={history([])} words={WORDS} />);
    expect(screen.getByText('Belum ada riwayat.')).toBeInTheDocument();
  });
});
