import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { FieldError } from './api-client';
import { createI18n } from './i18n';
import { refusal } from '../test/render';
import { readServerErrors, type ServerErrorReading, useFormErrors } from './use-form-errors';

function renderForm() {
  const i18n = createI18n('id');
  const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
  return renderHook(() => ({ form: useFormErrors<'title' | 'held_on'>(), t: useTranslation().t }), { wrapper });
}

const invalid = (...errors: Array<Pick<FieldError, 'field' | 'code'>>) => refusal(errors, 'invalid-input', 400);

/** A form with a title and a day: messages are "<field> is <code>". */
const reading = (fields: readonly string[]): ServerErrorReading => ({
  fieldOf: (error) => (fields.includes(error.field) ? error.field : null),
  message: (error) => `${error.field} is ${error.code}`,
  problem: () => 'the whole call failed',
});

describe('readServerErrors', () => {
  it('puts each field error beside the field the form has', () => {
    const errors = readServerErrors(invalid({ field: 'title', code: 'required' }, { field: 'held_on', code: 'invalid' }), reading(['title', 'held_on']));
    expect(errors).toEqual({ byField: { title: ['title is required'], held_on: ['held_on is invalid'] }, general: [] });
  });

  it('says once above the form what names no field the form has', () => {
    const errors = readServerErrors(
      invalid({ field: 'budget', code: 'required' }, { field: 'budget', code: 'required' }, { field: 'title', code: 'required' }),
      reading(['title']),
    );
    expect(errors.byField).toEqual({ title: ['title is required'] });
    expect(errors.general).toEqual(['budget is required']);
  });

  it('still says something when the failure names no field, or is no API answer at all', () => {
    expect(readServerErrors(invalid(), reading(['title']))).toEqual({ byField: {}, general: ['the whole call failed'] });
    expect(readServerErrors(new TypeError('offline'), reading(['title']))).toEqual({ byField: {}, general: ['the whole call failed'] });
  });
});

describe('useFormErrors', () => {
  it('gives a field its own checks first, in words, then the server\'s, and nothing to another field', () => {
    const { result } = renderForm();
    act(() => {
      result.current.form.setLocal({ title: [{ key: 'groups.form.errors.date' }, 'stakeholders.form.nameRequired'] });
      result.current.form.setServer(readServerErrors(invalid({ field: 'title', code: 'required' }), reading(['title'])));
    });
    expect(result.current.form.errorsFor('title')).toEqual([
      result.current.t('groups.form.errors.date'),
      result.current.t('stakeholders.form.nameRequired'),
      'title is required',
    ]);
    expect(result.current.form.errorsFor('held_on')).toEqual([]);
    expect(result.current.form.fieldsWithProblems).toBe(2);
  });

  it('clears both kinds at once', () => {
    const { result } = renderForm();
    act(() => {
      result.current.form.setLocal({ held_on: [{ key: 'groups.form.errors.date' }] });
      result.current.form.setServer(readServerErrors(invalid({ field: 'budget', code: 'required' }), reading([])));
    });
    expect(result.current.form.server.general).toHaveLength(1);
    act(() => result.current.form.clear());
    expect(result.current.form.errorsFor('held_on')).toEqual([]);
    expect(result.current.form.server).toEqual({ byField: {}, general: [] });
    expect(result.current.form.fieldsWithProblems).toBe(0);
  });
});
