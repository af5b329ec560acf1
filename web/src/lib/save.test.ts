import { describe, expect, it, vi } from 'vitest';
import { sendSave } from './save';

interface Thing {
  id: number;
  name: string;
}

describe('sendSave', () => {
  const saved: Thing = { id: 7, name: 'Batik Tulis' };

  it('creates a new record with the submission’s idempotency key', async () => {
    const create = vi.fn(async (body: { name: string }) => ({ id: 8, ...body }));
    const update = vi.fn();
    await expect(sendSave({ kind: 'create', body: { name: 'Tenun' }, idempotencyKey: 'k-1' }, create, update)).resolves.toEqual({ id: 8, name: 'Tenun' });
    expect(create).toHaveBeenCalledWith({ name: 'Tenun' }, 'k-1');
    expect(update).not.toHaveBeenCalled();
  });

  it('sends a saved record’s changes by its id', async () => {
    const update = vi.fn(async (id: number, patch: { name?: string }) => ({ ...saved, ...patch, id }));
    await expect(sendSave({ kind: 'update', original: saved, patch: { name: 'Batik Cap' } }, vi.fn(), update)).resolves.toEqual({ id: 7, name: 'Batik Cap' });
    expect(update).toHaveBeenCalledWith(7, { name: 'Batik Cap' });
  });

  it('sends nothing for a change of nothing and answers the record as it was', async () => {
    const create = vi.fn();
    const update = vi.fn();
    await expect(sendSave({ kind: 'update', original: saved, patch: {} }, create, update)).resolves.toBe(saved);
    expect(create).not.toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
  });
});
