import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { createI18n } from '../../../lib/i18n';
import { readServerErrors } from '../types/errors';
import { useFormErrors } from './use-form-errors';

function renderForm() {
  const i18n = createI18n('id');
  const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
  return renderHook(() => ({ form: useFormErrors<'title' | 'held_on'>(), t: useTranslation().t }), { wrapper });
}

const invalid = (field: string, code: string) =>
  new ApiError({
    type: 'urn:gotong:problem:invalid-input',
    status: 400,
    title: 'Invalid input',
    detail: '',
    errors: [{ field, code, message: 'english words the form must not show', params: {} }],
  });

describe('useFormErrors', () => {
  it('puts a problem+json field error beside its own field, in words, and nowhere else', () => {
    const { result } = renderForm();
    act(() => result.current.form.setServer(readServerErrors(result.current.t, invalid('title', 'required'), ['title', 'held_on'])));
    const [message] = result.current.form.errorsFor('title');
    expect(message).toBeTruthy();
    expect(message).not.toContain('english words');
    expect(result.current.form.errorsFor('held_on')).toEqual([]);
    expect(result.current.form.server.general).toEqual([]);
  });

  it('says above the form what names no field the form has', () => {
    const { result } = renderForm();
    act(() => result.current.form.setServer(readServerErrors(result.current.t, invalid('budget', 'required'), ['title'])));
    expect(result.current.form.errorsFor('title')).toEqual([]);
    expect(result.current.form.server.general).toHaveLength(1);
  });

  it('gives a field its own checks first, then the server\'s, and clears both', () => {
    const { result } = renderForm();
    act(() => {
      result.current.form.setLocal({ title: [{ key: 'groups.form.errors.date' }] });
      result.current.form.setServer(readServerErrors(result.current.t, invalid('title', 'required'), ['title']));
    });
    expect(result.current.form.errorsFor('title')).toHaveLength(2);
    expect(result.current.form.errorsFor('title')[0]).toBe(result.current.t('groups.form.errors.date'));
    act(() => result.current.form.clear());
    expect(result.current.form.errorsFor('title')).toEqual([]);
  });
});
