import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../test/render';
import { OptionsEditor } from './OptionsEditor';

function Editor({ initial, max = 3, errors = [] }: { initial: string[]; max?: number; errors?: string[] }) {
  const [options, setOptions] = useState(initial);
  return (
    <OptionsEditor
      id="f"
      legend="Pilihan *"
      hint="Satu pilihan satu kotak."
      options={options}
      keyOf={(_option, index) => index}
      textOf={(option) => option}
      labels={{ option: (number) => `Pilihan ${number}`, remove: (number) => `Hapus pilihan ${number}`, add: 'Tambah pilihan' }}
      errorsOf={(index) => (index === 1 ? ['Sama dengan pilihan 1.'] : [])}
      errors={errors}
      max={max}
      onText={(index, text) => setOptions((all) => all.map((option, i) => (i === index ? text : option)))}
      onRemove={(index) => setOptions((all) => all.filter((_, i) => i !== index))}
      onAdd={() => setOptions((all) => [...all, ''])}
      item={(row, option, index) => (
        <div data-testid={`item-${index}`}>
          {row}
          <p>{`(${option})`}</p>
        </div>
      )}
    />
  );
}

describe('OptionsEditor', () => {
  it('numbers the boxes, ties each one’s messages to it and adds the item’s own part beside its row', async () => {
    const user = userEvent.setup();
    renderWithI18n(<Editor initial={['Rp 10.000', 'rp 10.000']} errors={['Tulis minimal dua pilihan.']} />);
    const group = screen.getByRole('group', { name: 'Pilihan *' });
    expect(group).toHaveAccessibleDescription('Satu pilihan satu kotak.');
    expect(within(group).getByLabelText('Pilihan 2')).toHaveAccessibleDescription('Sama dengan pilihan 1.');
    expect(within(group).getByText('Tulis minimal dua pilihan.')).toBeInTheDocument();
    await user.type(within(group).getByLabelText('Pilihan 1'), '0');
    expect(within(screen.getByTestId('item-0')).getByText('(Rp 10.0000)')).toBeInTheDocument();
  });

  it('removes an option while there is another, and adds up to the most there may be', async () => {
    const user = userEvent.setup();
    renderWithI18n(<Editor initial={['A', 'B']} />);
    await user.click(screen.getByRole('button', { name: 'Hapus pilihan 1' }));
    expect(screen.getByLabelText('Pilihan 1')).toHaveValue('B');
    expect(screen.queryByRole('button', { name: /Hapus pilihan/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tambah pilihan' }));
    await user.click(screen.getByRole('button', { name: 'Tambah pilihan' }));
    expect(screen.getAllByRole('textbox')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Tambah pilihan' })).not.toBeInTheDocument();
  });
});
