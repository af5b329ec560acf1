import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { createI18n } from '../../../lib/i18n';
import { callsTo, enterprise, routeFetch } from '../../../test/fixtures';
import { createTestQueryClient, jsonResponse, refusal } from '../../../test/render';
import { registryKeys } from '../api/keys';
import type { Enterprise } from '../types';
import { readEnterpriseErrors, saveEnterprise, useEnterpriseForm } from './use-enterprise-form';

const i18n = createI18n('id');
const t = i18n.t.bind(i18n);
let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  api.setCsrfToken('csrf-1');
  fetchMock = routeFetch({
    'POST /api/v1/enterprises': () => jsonResponse(enterprise({ id: 31 }), 201),
    'PATCH /api/v1/enterprises/7': () => jsonResponse(enterprise()),
  });
});

function renderForm(original: Enterprise | null = null, client = createTestQueryClient()) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <MemoryRouter initialEntries={['/registry/new']}>{children}</MemoryRouter>
      </I18nextProvider>
    </QueryClientProvider>
  );
  return renderHook(() => useEnterpriseForm(original, 'officer', { current: null }), { wrapper });
}

describe('useEnterpriseForm', () => {
  it('checks the draft before sending: nothing goes out, and each missing field says so', async () => {
    const { result } = renderForm();
    await act(() => result.current.onSubmit());
    expect(fetchMock).not.toHaveBeenCalled();
    for (const field of ['owner_id', 'name', 'sector', 'village_code'] as const) {
      expect(result.current.errorsFor(field)).not.toEqual([]);
    }
    expect(result.current.errorsFor('nib')).toEqual([]);
    expect(result.current.fieldsWithProblems).toBe(4);
    expect(result.current.server.general).toEqual([]);
  });

  it('sends a checked draft once, and clears the last attempt\'s messages', async () => {
    const { result } = renderForm();
    await act(() => result.current.onSubmit());
    act(() => {
      result.current.set('owner', { id: 12, name: 'Siti Aminah' });
      result.current.set('name', 'Batik Sekar Arum');
      result.current.set('sector', 'batik');
      result.current.set('village_code', '35.79.03.2001');
    });
    await act(() => Promise.all([result.current.onSubmit(), result.current.onSubmit()]));
    expect(callsTo(fetchMock, 'POST /api/v1/enterprises')).toHaveLength(1);
    expect(result.current.fieldsWithProblems).toBe(0);
  });
});

describe('useEnterpriseForm after an edit', () => {
  it('puts the server\'s record in the cache before leaving, so the record page never shows the old values under "saved"', async () => {
    fetchMock = routeFetch({ 'PATCH /api/v1/enterprises/7': () => jsonResponse(enterprise({ employees: 5 })) });
    const client = createTestQueryClient();
    const original = enterprise({ employees: 2 });
    client.setQueryData(registryKeys.enterprise(7), original);
    const { result } = renderForm(original, client);
    act(() => {
      result.current.set('employees', '5');
    });
    await act(() => result.current.onSubmit());
    expect(callsTo(fetchMock, 'PATCH /api/v1/enterprises/7')).toHaveLength(1);
    expect(client.getQueryData<Enterprise>(registryKeys.enterprise(7))?.employees).toBe(5);
  });
});

describe('readEnterpriseErrors', () => {
  it('says "already used" beside the field a 409 names, whatever code the server used', () => {
    const errors = readEnterpriseErrors(t, refusal([{ field: 'nib', code: 'duplicate' }], 'already-exists'));
    expect(errors.byField.nib).toEqual([t('fieldErrorsByField.nib.already_exists')]);
    expect(errors.general).toEqual([]);
  });

  it('puts a new owner\'s errors beside the owner\'s fields, in the owner field\'s own words', () => {
    const errors = readEnterpriseErrors(t, refusal([{ field: 'owner.nik', code: 'invalid_format' }, { field: 'budget', code: 'required' }], 'invalid-input', 400));
    expect(Object.keys(errors.byField)).toEqual(['owner.nik']);
    expect(errors.byField['owner.nik']).toEqual([t('fieldErrorsByField.nik.invalid_format')]);
    expect(errors.general).toHaveLength(1);
  });
});

describe('saveEnterprise', () => {
  it('sends nothing for an edit that changes nothing, and says so', async () => {
    const original = enterprise();
    await expect(saveEnterprise(original, { name: original.name }, 'key-1', false)).resolves.toEqual({ target: 7, saved: original, notice: 'nothingChanged' });
    expect(callsTo(fetchMock, 'PATCH /api/v1/enterprises/7')).toHaveLength(0);
  });

  it('creates with the submission\'s Idempotency-Key', async () => {
    await expect(saveEnterprise(null, { name: 'Batik', sector: 'batik', village_code: '35.79.03.2001', owner_id: 12 }, 'key-2', false)).resolves.toMatchObject({
      target: 31,
      saved: { id: 31 },
      notice: 'created',
    });
    const [call] = callsTo(fetchMock, 'POST /api/v1/enterprises');
    expect((call!.init?.headers as Record<string, string>)['Idempotency-Key']).toBe('key-2');
  });
});
