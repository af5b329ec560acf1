import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { BackLink } from '../../../components/BackLink';
import { ChangeHistory, type HistoryWords } from '../../../components/ChangeHistory';
import { DetailRow } from '../../../components/DetailRow';
import { Pending } from '../../../components/Pending';
import { formatDateTime } from '../../../lib/format';
import { id as texts } from '../../../lib/i18n/id';
import { formatPlacePath } from '../../../lib/places';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { PersonNotice } from '../hooks/use-person-form';
import { usePerson, usePersonHistory, useStewardName } from '../hooks/use-people';
import { peopleProblemMessage } from '../types/errors';
import { mayEdit, type Person, type Viewer } from '../types';
import { parsePersonId, PEOPLE_PATH, personEditPath, registrySearchPath } from '../types/paths';
import { BirthYear, NotFilled } from './labels';

// The fields with a name of their own in the texts; others show as the server names them.
const KNOWN_FIELDS = new Set(Object.keys(texts.people.fields));
const KNOWN_ACTIONS = new Set(Object.keys(texts.people.history.actions));

/**
 * How a person's history names its fields, values and actions. The record's current village and
 * steward read by name (`steward`: the steward's name once known); earlier ones by their code.
 */
export function personHistoryWords(t: TFunction, person: Pick<Person, 'village_code' | 'village' | 'steward_id'>, steward?: string): HistoryWords {
  return {
    field: (field) => (KNOWN_FIELDS.has(field) ? t(`people.fields.${field as 'name'}`) : field),
    value: (field, value) => {
      if (field === 'gender' && (value === 'female' || value === 'male')) return t(`genders.${value}`);
      if (field === 'village_code' && value === person.village_code && person.village) return formatPlacePath(person.village);
      if (field === 'steward_id' && typeof value === 'number') {
        return value === person.steward_id && steward !== undefined ? steward : t('scope.stakeholder', { id: value });
      }
      return undefined;
    },
    action: (action) => (KNOWN_ACTIONS.has(action) ? t(`people.history.actions.${action as 'create'}`) : action),
  };
}

/** Why the viewer sees no "Ubah data": who keeps the record, and who may change it. */
function ReadOnlyNote({ person, steward }: { person: Person; steward: string | undefined }) {
  const { t } = useTranslation();
  return (
    <p className="muted" data-testid="person-read-only">
      {person.steward_id === null
        ? t('people.detail.readOnlyNoSteward')
        : t('people.detail.readOnly', { steward: steward ?? t('scope.stakeholder', { id: person.steward_id }) })}
    </p>
  );
}

interface PersonPageProps {
  viewer: Viewer;
}

/**
 * One person of the registry: her data (the NIK as the server lets the viewer see it, whether
 * and when she agreed to it being stored), who keeps the record, a way to her businesses, and
 * every change made to the record. Those who may change it get "Ubah data".
 */
export function PersonPage({ viewer }: PersonPageProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const id = useId();
  const params = useParams();
  const location = useLocation();
  const personId = parsePersonId(params.id);
  const query = usePerson(personId);
  const person = query.data;
  const steward = useStewardName(person?.steward_id ?? null);
  const history = usePersonHistory(personId);
  useDocumentTitle(person?.name ?? t('people.title'));
  const notice = (location.state as PersonNotice | null)?.notice;

  const back = <BackLink to={PEOPLE_PATH}>{t('people.detail.back')}</BackLink>;
  if (!person) {
    const problem = personId === null ? t('errors.notFound') : query.isError ? peopleProblemMessage(t, query.error) : null;
    return (
      <>
        {back}
        <h1 tabIndex={-1}>{t('people.title')}</h1>
        <Pending problem={problem} loading={t('people.detail.loading')} />
      </>
    );
  }

  const editable = mayEdit(viewer, person);
  // Only those who write the registry are told why they cannot change this record.
  const writer = viewer.role === 'admin' || viewer.role === 'officer';

  return (
    <>
      {back}
      <div className="page-head">
        <h1 tabIndex={-1}>{person.name}</h1>
        {editable ? (
          <Link to={personEditPath(person.id)} className="button button--primary">
            {t('people.detail.edit')}
          </Link>
        ) : null}
      </div>
      {notice === 'saved' ? <Alert tone="success">{t('people.form.saved')}</Alert> : null}
      {notice === 'nothingChanged' ? <Alert tone="info">{t('people.form.nothingChanged')}</Alert> : null}

      <section className="card" aria-labelledby={`${id}-details`}>
        <h2 id={`${id}-details`}>{t('people.detail.section')}</h2>
        {!editable && writer ? <ReadOnlyNote person={person} steward={steward.data} /> : null}
        <dl className="details" data-testid="person-details">
          <DetailRow label={t('people.fields.name')}>{person.name}</DetailRow>
          <DetailRow label={t('people.fields.phone')} testId="person-phone">
            {person.phone ? <a href={`tel:${person.phone}`}>{person.phone}</a> : <NotFilled />}
          </DetailRow>
          <DetailRow label={t('people.fields.nik')} testId="person-nik">
            {person.nik ? (
              <>
                <code>{person.nik}</code>
                {person.nik_masked ? <span className="muted">{` (${t('people.detail.nikMasked')})`}</span> : null}
              </>
            ) : (
              <span className="muted">{t('people.detail.nikNone')}</span>
            )}
          </DetailRow>
          <DetailRow label={t('people.fields.nik_consent')} testId="person-consent">
            {person.nik_consent_at
              ? t('people.detail.consentGiven', { date: formatDateTime(person.nik_consent_at, language) })
              : t('people.detail.consentNone')}
          </DetailRow>
          <DetailRow label={t('people.fields.gender')} testId="person-gender">
            {person.gender ? t(`genders.${person.gender}`) : <NotFilled />}
          </DetailRow>
          <DetailRow label={t('people.fields.birth_year')} testId="person-birth-year">
            <BirthYear year={person.birth_year} />
          </DetailRow>
          <DetailRow label={t('people.fields.occupation')} testId="person-occupation">
            {person.occupation ?? <NotFilled />}
          </DetailRow>
          <DetailRow label={t('people.fields.village')}>
            {person.village ? formatPlacePath(person.village) : <NotFilled />}
          </DetailRow>
          <DetailRow label={t('people.fields.steward_id')} testId="person-steward">
            {person.steward_id === null
              ? t('people.detail.noSteward')
              : (steward.data ?? t('scope.stakeholder', { id: person.steward_id }))}
          </DetailRow>
          <DetailRow label={t('people.fields.created_at')}>{formatDateTime(person.created_at, language)}</DetailRow>
          <DetailRow label={t('people.fields.updated_at')}>{formatDateTime(person.updated_at, language)}</DetailRow>
        </dl>
      </section>

      <section className="card" aria-labelledby={`${id}-enterprises`}>
        <h2 id={`${id}-enterprises`}>{t('people.detail.enterprises')}</h2>
        <p>
          <Link to={registrySearchPath(person.name)}>{t('people.detail.enterprisesLink', { name: person.name })}</Link>
        </p>
      </section>

      <ChangeHistory history={history} words={personHistoryWords(t, person, steward.data)} />
    </>
  );
}
