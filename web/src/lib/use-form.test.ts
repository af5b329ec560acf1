import type { ChangeEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { bindFields } from './use-form';

describe('bindFields', () => {
  it('ties a control to its field: id, name, value, messages and the change', () => {
    const set = vi.fn();
    const field = bindFields('f', { name: 'Tani Makmur', kind: '' }, set, (name: 'name' | 'kind') => (name === 'kind' ? ['Pilih jenis'] : []));

    const name = field('name');
    expect(name).toMatchObject({ id: 'f-field-name', name: 'name', value: 'Tani Makmur', errors: [] });
    expect(field('kind').errors).toEqual(['Pilih jenis']);

    name.onChange({ target: { value: 'Tani Jaya' } } as ChangeEvent<HTMLInputElement>);
    expect(set).toHaveBeenCalledWith('name', 'Tani Jaya');
  });
});
