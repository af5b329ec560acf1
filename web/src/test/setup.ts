import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setSessionHint } from '../features/auth/api/session-hint';
import { en } from '../lib/i18n/en';
import { registerLanguage } from '../lib/i18n';
import { installMatchMedia } from './media';

// Tests render either language at once; the app fetches English only when it is chosen.
registerLanguage('en', en);

beforeEach(() => {
  installMatchMedia();
});

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  setSessionHint(false);
});
