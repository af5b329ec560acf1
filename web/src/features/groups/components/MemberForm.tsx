import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { CheckField } from '../../../components/CheckField';
import { FieldErrors } from '../../../components/field-parts';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { joinDetails, todayIso } from '../../../lib/format';
import { useForm } from '../../../lib/use-form';
import { searchPeople } from '../api/groups';
import { useAddMember } from '../hooks/use-group-mutations';
import { MEMBER_ROLES, type Member, type MemberInput, type PersonHit } from '../types';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import {
  emptyMemberDraft,
  memberFieldsShown,
  validateMember,
  type MemberDraft,
} from '../types/forms';
import { shortPlace } from './labels';

interface MemberFormProps {
  groupId: number;
  canSearchPeople: boolean;
  onAdded: (member: Member) => void;
  onCancel: () => void;
}

/** Finds a person in the registry by name (for officers, who can read it). */
function PersonSearch({ onChoose, errors }: { onChoose: (person: PersonHit) => void; errors: string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'loading' | 'done' | 'error'; items: PersonHit[]; error: unknown }>({
    status: 'idle',
    items: [],
    error: null,
  });

  async function onSearch() {
    const text = q.trim();
    if ([...text].length < 2) return;
    setState({ status: 'loading', items: [], error: null });
    try {
      const page = await searchPeople(text);
      setState({ status: 'done', items: page.items, error: null });
    } catch (error) {
      setState({ status: 'error', items: [], error });
    }
  }

  return (
    <div className="person-search">
      <div className="filters__search">
        <FormField
          id={`${id}-q`}
          label={t('groups.members.form.search')}
          hint={t('groups.members.form.searchHint')}
          errors={errors}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void onSearch();
            }
          }}
        />
        <button type="button" className="button button--secondary" onClick={() => void onSearch()}>
          {t('groups.members.form.searchButton')}
        </button>
      </div>
      <p className="muted" role="status">
        {state.status === 'loading'
          ? t('groups.members.form.searching')
          : state.status === 'done'
            ? state.items.length === 0
              ? t('groups.members.form.noResults')
              : t('groups.members.form.results', { count: state.items.length })
            : ''}
      </p>
      {state.status === 'error' ? <Alert tone="error">{groupProblemMessage(t, state.error)}</Alert> : null}
      {state.items.length > 0 ? (
        <ul className="pick-list">
          {state.items.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="pick-list__item"
                aria-label={t('groups.members.form.choose', { name: person.name })}
                onClick={() => onChoose(person)}
              >
                <span className="pick-list__name">{person.name}</span>
                <span className="muted">
                  {joinDetails([
                    person.birth_year ? t('groups.members.form.born', { year: person.birth_year }) : null,
                    person.village ? shortPlace(person.village, '') : null,
                  ])}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Adds a member: someone new (name, gender, phone) or, for officers, someone already in the registry. */
export function MemberForm({ groupId, canSearchPeople, onAdded, onCancel }: MemberFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const addMember = useAddMember(groupId);
  const form = useForm({
    initial: () => emptyMemberDraft(todayIso()),
    validate: (draft: MemberDraft) => validateMember(draft, todayIso()),
    send: (body: MemberInput, idempotencyKey) => addMember.mutateAsync({ body, idempotencyKey }),
    readErrors: (error, _input, draft) => readGroupErrors(t, error, memberFieldsShown(draft.mode)),
    onSaved: onAdded,
  });
  const { draft, set, field, errorsFor } = form;

  const personErrors = errorsFor('person_id');
  return (
    <FormCard
      title={t('groups.members.form.title')}
      form={form}
      labels={{ submit: t('groups.members.form.submit'), saving: t('groups.members.form.submitting'), cancel: t('groups.members.form.cancel') }}
      onCancel={onCancel}
      testId="member-form"
    >
      {canSearchPeople ? (
        <fieldset className="choice-group">
          <legend className="field__label">{t('groups.members.form.who')}</legend>
          {(['new', 'existing'] as const).map((mode) => (
            <label key={mode} className="choice">
              <input type="radio" name={`${id}-mode`} checked={draft.mode === mode} onChange={() => set('mode', mode)} />
              <span>{mode === 'new' ? t('groups.members.form.modeNew') : t('groups.members.form.modeExisting')}</span>
            </label>
          ))}
        </fieldset>
      ) : null}

      {draft.mode === 'existing' ? (
        draft.person ? (
          <div className="owner-picker--chosen">
            <p className="owner-picker__chosen">{t('groups.members.form.chosen', { name: draft.person.name })}</p>
            <button type="button" className="button button--secondary" onClick={() => set('person', null)}>
              {t('groups.members.form.change')}
            </button>
            <FieldErrors id={`${id}-person-error`} messages={personErrors} />
          </div>
        ) : (
          <PersonSearch errors={personErrors} onChoose={(person) => set('person', { id: person.id, name: person.name })} />
        )
      ) : (
        <>
          <FormField
            id={`${id}-name`}
            label={t('common.required', { label: t('groups.members.form.name') })}
            errors={errorsFor('person_name')}
            name="name"
            autoComplete="off"
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
          />
          <SelectField
            id={`${id}-gender`}
            label={t('groups.members.form.gender')}
            errors={errorsFor('person_gender')}
            emptyLabel={t('groups.members.form.genderUnknown')}
            options={(['female', 'male'] as const).map((gender) => ({ value: gender, label: t(`genders.${gender}`) }))}
            name="gender"
            value={draft.gender}
            onChange={(e) => set('gender', e.target.value as MemberDraft['gender'])}
          />
          <FormField
            id={`${id}-phone`}
            label={t('groups.members.form.phone')}
            hint={t('groups.members.form.phoneHint')}
            errors={errorsFor('person_phone')}
            type="tel"
            name="phone"
            autoComplete="off"
            value={draft.phone}
            onChange={(e) => set('phone', e.target.value)}
          />
        </>
      )}

      <SelectField
        label={t('groups.members.form.role')}
        options={MEMBER_ROLES.map((role) => ({ value: role, label: t(`groups.roles.${role}`) }))}
        {...field('role')}
      />
      <div>
        <CheckField
          id={`${id}-mentor`}
          label={t('groups.members.form.mentor')}
          checked={draft.mentor}
          onChange={(checked) => set('mentor', checked)}
        />
        <CheckField
          id={`${id}-hero`}
          label={t('groups.members.form.localHero')}
          hint={t('groups.members.form.localHeroHint')}
          checked={draft.local_hero}
          onChange={(checked) => set('local_hero', checked)}
        />
      </div>
      <FormField
        label={t('groups.members.form.joinedOn')}
        type="date"
        {...field('joined_on')}
      />
    </FormCard>
  );
}
