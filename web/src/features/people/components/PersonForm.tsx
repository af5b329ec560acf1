import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FormAlerts } from '../../../components/FormAlerts';
import { BackLink } from '../../../components/BackLink';
import { CheckField } from '../../../components/CheckField';
import { FieldErrors } from '../../../components/field-parts';
import { FormField } from '../../../components/FormField';
import { Pending } from '../../../components/Pending';
import { SelectField } from '../../../components/SelectField';
import { SubmitRow } from '../../../components/SubmitRow';
import { formatDateTime } from '../../../lib/format';
import { useProgrammesTexts } from '../../../lib/i18n/programmes';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { usePersonForm } from '../hooks/use-person-form';
import { usePerson, useStewardName } from '../hooks/use-people';
import { peopleProblemMessage } from '../types/errors';
import { isNewNik, MAX_NAME, MAX_OCCUPATION, removesNik } from '../types/form';
import { HOUSEHOLD_CATEGORIES, MAX_SOURCE, type CategoryDraft, type HouseholdDraft } from '../types/household';
import { GENDERS, mayEdit, type Person, type Viewer } from '../types';
import { parsePersonId, personPath } from '../types/paths';

/**
 * Corrects a person's record: name, gender, birth year, occupation, phone, and the NIK, which is
 * stored only with the person's consent, ticked afresh for every new NIK, and can be removed
 * together with its consent. Only the changes are sent; the record's page shows the answer.
 */
export function PersonForm({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const params = useParams();
  const personId = parsePersonId(params.id);
  const query = usePerson(personId);
  const person = query.data;
  const steward = useStewardName(person?.steward_id ?? null);
  const title = t('people.form.title', { name: person?.name ?? '' });
  useDocumentTitle(title);

  if (!person) {
    const problem = personId === null ? t('errors.notFound') : query.isError ? peopleProblemMessage(t, query.error) : null;
    return (
      <>
        <h1 tabIndex={-1}>{title}</h1>
        <Pending problem={problem} loading={t('people.detail.loading')} />
      </>
    );
  }
  if (!mayEdit(viewer, person)) {
    return (
      <>
        <BackLink to={personPath(person.id)}>{person.name}</BackLink>
        <h1 tabIndex={-1}>{title}</h1>
        <Alert tone="error" testId="person-edit-refused">
          {person.steward_id === null
            ? t('people.detail.readOnlyNoSteward')
            : t('people.detail.readOnly', { steward: steward.data ?? t('scope.stakeholder', { id: person.steward_id }) })}
        </Alert>
      </>
    );
  }
  return <FormBody key={person.id} person={person} title={title} />;
}

function FormBody({ person, title }: { person: Person; title: string }) {
  // The household categories' words travel with the programmes' texts (targeting reads them).
  useProgrammesTexts();
  const { t, i18n } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const form = usePersonForm(person, formRef);
  const { draft, set, setDraft, field, errorsFor, server, submitting } = form;
  const required = (label: string) => t('common.required', { label });
  const removing = removesNik(person, draft);
  const newNik = isNewNik(person, draft);
  // The consent is asked for a NIK not stored yet; the one stored already has its consent recorded.
  const askConsent = person.nik === null || newNik || errorsFor('nik_consent').length > 0;
  const nikHint =
    person.nik !== null && person.nik_consent_at !== null && !newNik && !removing
      ? `${t('people.form.nikHint')} ${t('people.form.nikStored', { date: formatDateTime(person.nik_consent_at, i18n.resolvedLanguage) })}`
      : t('people.form.nikHint');

  return (
    <>
      <BackLink to={personPath(person.id)}>{person.name}</BackLink>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="muted">{t('people.form.intro')}</p>
      <FormAlerts fieldsWithProblems={form.fieldsWithProblems} fixBelow={t('people.form.fixBelow')} general={server.general} />

      <form ref={formRef} className="form form--wide" onSubmit={(event) => void form.onSubmit(event)} noValidate aria-busy={submitting}>
        <fieldset className="card form-section">
          <legend className="form-section__legend">{t('people.form.personal')}</legend>
          <div className="form-grid">
            <FormField label={required(t('people.fields.name'))} autoComplete="off" maxLength={MAX_NAME} {...field('name')} />
            <SelectField
              label={t('people.fields.gender')}
              emptyLabel={t('people.form.genderUnknown')}
              options={GENDERS.map((gender) => ({ value: gender, label: t(`genders.${gender}`) }))}
              {...field('gender')}
            />
            <FormField
              label={t('people.fields.birth_year')}
              hint={t('people.form.birthYearHint')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              {...field('birth_year')}
            />
            <FormField
              label={t('people.fields.occupation')}
              hint={t('people.form.occupationHint')}
              autoComplete="off"
              maxLength={MAX_OCCUPATION}
              {...field('occupation')}
            />
          </div>
        </fieldset>

        <fieldset className="card form-section">
          <legend className="form-section__legend">{t('people.form.contact')}</legend>
          <FormField label={t('people.fields.phone')} hint={t('people.form.phoneHint')} type="tel" autoComplete="off" {...field('phone')} />
        </fieldset>

        <fieldset className="card form-section" data-testid="nik-section">
          <legend className="form-section__legend">{t('people.form.nikSection')}</legend>
          {person.nik_masked ? (
            <p>
              <code>{person.nik}</code> <span className="muted">{t('people.form.nikHidden')}</span>
            </p>
          ) : (
            <>
              <FormField
                label={t('people.fields.nik')}
                hint={nikHint}
                inputMode="numeric"
                autoComplete="off"
                maxLength={20}
                {...field('nik')}
              />
              {person.nik !== null && !removing ? (
                <div className="button-row">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => {
                      setDraft((d) => ({ ...d, nik: '', nik_consent: false }));
                      // The button goes away: the focus goes to the way back.
                      setTimeout(() => keepRef.current?.focus());
                    }}
                  >
                    {t('people.form.removeNik')}
                  </button>
                </div>
              ) : null}
              {removing ? (
                <Alert tone="info" testId="nik-removal">
                  <p>{t('people.form.nikWillBeRemoved')}</p>
                  <button
                    ref={keepRef}
                    type="button"
                    className="button button--secondary"
                    onClick={() => setDraft((d) => ({ ...d, nik: person.nik ?? '' }))}
                  >
                    {t('people.form.keepNik')}
                  </button>
                </Alert>
              ) : null}
              {askConsent ? (
                <CheckField
                  id={`${id}-consent`}
                  name="nik_consent"
                  label={t('people.form.nikConsent')}
                  hint={t('people.form.nikConsentHint')}
                  errors={errorsFor('nik_consent')}
                  checked={draft.nik_consent}
                  onChange={(checked) => set('nik_consent', checked)}
                />
              ) : null}
            </>
          )}
        </fieldset>

        {draft.household !== null ? (
          <HouseholdFields
            household={draft.household}
            errors={errorsFor('categories')}
            onChange={(household) => setDraft((d) => ({ ...d, household }))}
          />
        ) : null}

        <SubmitRow submitting={submitting} labels={{ submit: t('people.form.submit'), saving: t('people.form.submitting') }}>
          <Link to={personPath(person.id)} className="button button--secondary">
            {t('people.form.cancel')}
          </Link>
        </SubmitRow>
      </form>
    </>
  );
}

/**
 * The household categories targeting ranks on (the poverty register, zakat recipient), each with
 * since when and its source: for admins and the steward's officers alone, said in one sentence.
 */
function HouseholdFields({ household, errors, onChange }: { household: HouseholdDraft; errors: string[]; onChange: (next: HouseholdDraft) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const change = (name: keyof HouseholdDraft, part: Partial<CategoryDraft>) => onChange({ ...household, [name]: { ...household[name], ...part } });
  return (
    <fieldset className={errors.length > 0 ? 'card form-section field--invalid' : 'card form-section'} data-testid="household-section">
      <legend className="form-section__legend">{t('programmes.household.title')}</legend>
      <p className="muted" data-testid="household-note">
        {t('programmes.household.note')}
      </p>
      {HOUSEHOLD_CATEGORIES.map((name) => (
        <div key={name}>
          <CheckField
            id={`${id}-${name}`}
            name={`category-${name}`}
            label={t(`programmes.categories.${name}`)}
            checked={household[name].on}
            onChange={(on) => change(name, { on })}
          />
          {household[name].on ? (
            <div className="form-grid">
              <FormField
                id={`${id}-${name}-since`}
                type="date"
                label={t('programmes.household.since')}
                value={household[name].since}
                onChange={(e) => change(name, { since: e.target.value })}
              />
              <FormField
                id={`${id}-${name}-source`}
                label={t('programmes.household.source')}
                hint={t('programmes.household.sourceHint')}
                autoComplete="off"
                maxLength={MAX_SOURCE}
                value={household[name].source}
                onChange={(e) => change(name, { source: e.target.value })}
              />
            </div>
          ) : null}
        </div>
      ))}
      <FieldErrors messages={errors} live />
    </fieldset>
  );
}
