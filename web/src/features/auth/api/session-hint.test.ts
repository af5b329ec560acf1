import { afterEach, describe, expect, it } from 'vitest';
import { hasSessionHint, setSessionHint } from './session-hint';

afterEach(() => setSessionHint(false));

describe('the session hint', () => {
  it('is absent in a browser that never signed in', () => {
    expect(hasSessionHint()).toBe(false);
  });

  it('is set on signing in and gone on signing out, without touching other cookies', () => {
    document.cookie = 'other=1; Path=/';
    setSessionHint(true);
    expect(hasSessionHint()).toBe(true);
    expect(document.cookie).toContain('other=1');
    setSessionHint(false);
    expect(hasSessionHint()).toBe(false);
    expect(document.cookie).toContain('other=1');
    document.cookie = 'other=; Path=/; Max-Age=0';
  });

  it('holds no secret: its value is only "1"', () => {
    setSessionHint(true);
    expect(document.cookie.split('; ')).toContain('gotong_signed_in=1');
  });
});
