import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../test/render';
import { SectionCard } from './SectionCard';

function renderCard(canAdd: boolean, onAdd = vi.fn()) {
  renderWithI18n(
    <SectionCard
      title="Anggota"
      addLabel="Tambah"
      canAdd={canAdd}
      onAdd={onAdd}
      notice="Tersimpan."
      form={(close) => (
        <form aria-label="form">
          <button type="button" onClick={close}>
            {'Batal'}
          </button>
        </form>
      )}
    >
      <p>{'records'}</p>
    </SectionCard>,
  );
  return onAdd;
}

describe('SectionCard', () => {
  it('opens its form in place when Add is pressed, hiding the button until the form closes', async () => {
    const user = userEvent.setup();
    const onAdd = renderCard(true);
    expect(screen.queryByRole('form', { name: 'form' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tambah' }));
    expect(onAdd).toHaveBeenCalledOnce();
    expect(screen.getByRole('form', { name: 'form' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tambah' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('form', { name: 'form' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tambah' })).toBeInTheDocument();
  });

  it('names the section by its heading and shows the notice above the records', () => {
    renderCard(true);
    expect(screen.getByRole('region', { name: 'Anggota' })).toHaveTextContent('Tersimpan.records');
  });

  it('offers no Add button to someone who may not add', () => {
    renderCard(false);
    expect(screen.queryByRole('button', { name: 'Tambah' })).not.toBeInTheDocument();
  });
});
