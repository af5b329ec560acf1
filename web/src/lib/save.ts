// A form that adds a record and changes a saved one alike (a competency, a stakeholder, a cycle's
// plan) hands its mutation one of two saves, and the mutation sends it.

/** A new record's body with the submission's idempotency key, or the changes to a saved record. */
export type Save<T, Body, Patch = Body> =
  | { kind: 'create'; body: Body; idempotencyKey?: string | undefined }
  | { kind: 'update'; original: T; patch: Patch };

/** Sends a save through `create` or `update`; a change of nothing sends nothing and answers the record as it was. */
export function sendSave<T extends { id: number }, Body, Patch extends object>(
  save: Save<T, Body, Patch>,
  create: (body: Body, idempotencyKey?: string) => Promise<T>,
  update: (id: number, patch: Patch) => Promise<T>,
): Promise<T> {
  if (save.kind === 'create') return create(save.body, save.idempotencyKey);
  return Object.keys(save.patch).length > 0 ? update(save.original.id, save.patch) : Promise.resolve(save.original);
}
