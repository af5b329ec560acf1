import { describe, expect, it } from 'vitest';
import { actorName } from './actor';
import { createI18n } from './i18n';

const idT = createI18n('id').t;
const enT = createI18n('en').t;

describe('actorName', () => {
  it("words the server's system actor in the reader's language, not as the raw username", () => {
    expect(actorName(idT, { id: null, username: 'system' })).toBe('sistem');
    expect(actorName(enT, { id: null, username: 'system' })).toBe('the system');
    expect(actorName(idT, 'system')).toBe('sistem');
    expect(actorName(idT, null)).toBe('sistem');
    expect(actorName(idT, undefined)).toBe('sistem');
  });

  it("shows an account's username as it is", () => {
    expect(actorName(idT, { id: 9, username: 'suwarni' })).toBe('suwarni');
    expect(actorName(idT, 'dinas1')).toBe('dinas1');
  });

  it('goes by the missing account id where the server sends one, whatever the username', () => {
    expect(actorName(idT, { id: null, username: '' })).toBe('sistem');
    // An account may itself be called "system": with an id it is that account.
    expect(actorName(idT, { id: 4, username: 'system' })).toBe('system');
  });
});
