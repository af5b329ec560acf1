import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { createI18n } from '../../../lib/i18n';
import { callsTo, routeFetch } from '../../../test/fixtures';
import { person } from '../../../test/people';
import { createTestQueryClient, jsonResponse } from '../../../test/render';
import { peopleKeys } from '../api/keys';
import { savePerson, usePersonForm } from './use-person-form';

const i18n = createI18n('id');
const SAVED = person();
const ANSWER = person({ phone: '+6281333445566', birth_year: 1981, updated_at: '2026-03-01T02:00:00Z' });
let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  api.setCsrfToken('csrf-1');
  fetchMock = routeFetch({ 'PATCH /api/v1/people/12': () => jsonResponse(ANSWER) });
});

function renderForm(client: QueryClient) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <MemoryRouter initialEntries={['/people/12/edit']}>{children}</MemoryRouter>
      </I18nextProvider>
    </QueryClientProvider>
  );
  return renderHook(() => usePersonForm(SAVED, { current: null }, 2026), { wrapper });
}

/** A client holding what the pages had read: the record, its history, a list, a search, an enterprise. */
function filledClient() {
  const client = createTestQueryClient();
  client.setQueryData(peopleKeys.person(12), SAVED);
  client.setQueryData(peopleKeys.history(12), { pages: [], pageParams: [] });
  client.setQueryData(peopleKeys.list({ q: 'siti' }), { items: [SAVED], total: 1, limit: 25, offset: 0 });
  client.setQueryData(['people', 'search', 'siti'], { items: [SAVED], total: 1, limit: 20, offset: 0 });
  client.setQueryData(['enterprises', 'one', 7], { id: 7 });
  return client;
}

const invalid = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;

describe('usePersonForm', () => {
  it('puts the PATCH answer in the cache, and marks the history, lists, searches and enterprises to be read again', async () => {
    const client = filledClient();
    const { result } = renderForm(client);
    act(() => {
      result.current.set('phone', '0813 3344 5566');
      result.current.set('birth_year', '1981');
    });
    await act(() => result.current.onSubmit());

    expect(callsTo(fetchMock, 'PATCH /api/v1/people/12')).toHaveLength(1);
    expect(client.getQueryData(peopleKeys.person(12))).toEqual(ANSWER);
    expect(invalid(client, peopleKeys.person(12))).toBe(false);
    expect(invalid(client, peopleKeys.history(12))).toBe(true);
    expect(invalid(client, peopleKeys.list({ q: 'siti' }))).toBe(true);
    expect(invalid(client, ['people', 'search', 'siti'])).toBe(true);
    expect(invalid(client, ['enterprises', 'one', 7])).toBe(true);
  });

  it('sends nothing and touches no cache when nothing changed', async () => {
    const client = filledClient();
    const { result } = renderForm(client);
    await act(() => result.current.onSubmit());
    expect(fetchMock).not.toHaveBeenCalled();
    expect(invalid(client, peopleKeys.history(12))).toBe(false);
  });
});

describe('savePerson', () => {
  it('answers an empty change with the record as it was, without a request', async () => {
    await expect(savePerson(SAVED, {})).resolves.toEqual({ saved: SAVED, changed: false });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
