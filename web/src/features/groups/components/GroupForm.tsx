import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { todayIso } from '../../../lib/format';
import type { RegionPickerSlot } from '../../../lib/places';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSubmission } from '../../../lib/use-submission';
import { NO_ERRORS, useFormErrors } from '../../../lib/use-form-errors';
import { useCreateGroup } from '../hooks/use-group-mutations';
import { GROUP_KINDS, ORIGINS, SECTORS, type GroupKind, type Origin } from '../types';
import { readGroupErrors } from '../types/errors';
import {
  emptyGroupDraft,
  GROUP_FIELDS,
  validateGroup,
  type GroupDraft,
  type GroupField,
} from '../types/forms';
import { groupPath, GROUPS_PATH, type WorkspaceNotice } from '../types/paths';
import { FieldMessages } from './labels';

/** Registers a new group (admins and officers); the village comes from the app's region picker. */
export function GroupForm({ RegionPicker }: { RegionPicker: RegionPickerSlot }) {
  const { t } = useTranslation();
  useDocumentTitle(t('groups.form.titleNew'));
  const id = useId();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<GroupDraft>(emptyGroupDraft);
  const { setLocal, server, setServer, errorsFor } = useFormErrors<GroupField>();
  const { submitting, submit } = useSubmission();
  const create = useCreateGroup();
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After a failed attempt, take the user to the first field to correct.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const set = <K extends keyof GroupDraft>(field: K, value: GroupDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServer(NO_ERRORS);
    const { errors, input } = validateGroup(draft, todayIso());
    setLocal(errors);
    if (!input) {
      setAttempt((n) => n + 1);
      return;
    }
    await submit(input, (key) => create.mutateAsync({ body: input, idempotencyKey: key }), {
      onSuccess: (created) => void navigate(groupPath(created.id), { state: { notice: 'groupCreated' } satisfies WorkspaceNotice }),
      onError: (error) => {
        setServer(readGroupErrors(t, error, GROUP_FIELDS));
        setAttempt((n) => n + 1);
      },
    });
  }

  const villageErrors = errorsFor('village_code');
  return (
    <>
      <p>
        <Link to={GROUPS_PATH}>{t('groups.workspace.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('groups.form.titleNew')}</h1>
      <p className="muted">{t('groups.form.intro')}</p>
      {server.general.length > 0 ? (
        <Alert tone="error">
          {server.general.map((message) => (
            <span key={message} className="alert__line">
              {message}
            </span>
          ))}
        </Alert>
      ) : null}
      <form ref={formRef} className="card form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting} data-testid="group-form">
        <FormField
          id={`${id}-name`}
          label={t('common.required', { label: t('groups.form.name') })}
          errors={errorsFor('name')}
          name="name"
          autoComplete="off"
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
        />
        <SelectField
          id={`${id}-kind`}
          label={t('common.required', { label: t('groups.form.kind') })}
          errors={errorsFor('kind')}
          emptyLabel={t('groups.form.chooseKind')}
          options={GROUP_KINDS.map((kind) => ({ value: kind, label: t(`groups.kinds.${kind}`) }))}
          name="kind"
          value={draft.kind}
          onChange={(e) => set('kind', e.target.value as '' | GroupKind)}
        />
        <SelectField
          id={`${id}-sector`}
          label={t('common.required', { label: t('groups.form.sector') })}
          errors={errorsFor('sector')}
          emptyLabel={t('groups.form.chooseSector')}
          options={SECTORS.map((sector) => ({ value: sector, label: t(`sectors.${sector}`) }))}
          name="sector"
          value={draft.sector}
          onChange={(e) => set('sector', e.target.value)}
        />
        <div className={villageErrors.length > 0 ? 'field field--invalid' : 'field'}>
          <RegionPicker
            value={draft.village_code}
            label={t('common.required', { label: t('groups.form.village') })}
            onChange={(code) => set('village_code', code)}
          />
          <p className="field__hint">{t('groups.form.villageHint')}</p>
          <FieldMessages id={`${id}-village-error`} messages={villageErrors} />
        </div>
        <FormField
          id={`${id}-centre`}
          label={t('groups.form.businessCentre')}
          hint={t('groups.form.businessCentreHint')}
          errors={errorsFor('business_centre')}
          name="business_centre"
          value={draft.business_centre}
          onChange={(e) => set('business_centre', e.target.value)}
        />
        <SelectField
          id={`${id}-origin`}
          label={t('groups.form.origin')}
          errors={errorsFor('origin')}
          options={ORIGINS.map((origin) => ({ value: origin, label: t(`groups.origins.${origin}`) }))}
          name="origin"
          value={draft.origin}
          onChange={(e) => set('origin', e.target.value as Origin)}
        />
        <FormField
          id={`${id}-sop`}
          label={t('common.required', { label: t('groups.form.sop') })}
          hint={t('groups.form.sopHint')}
          errors={errorsFor('sop_meetings_per_month')}
          name="sop_meetings_per_month"
          inputMode="numeric"
          value={draft.sop_meetings_per_month}
          onChange={(e) => set('sop_meetings_per_month', e.target.value)}
        />
        <FormField
          id={`${id}-legality`}
          label={t('groups.form.legality')}
          hint={t('groups.form.legalityHint')}
          errors={errorsFor('legality')}
          name="legality"
          value={draft.legality}
          onChange={(e) => set('legality', e.target.value)}
        />
        <div className="form-grid">
          <FormField
            id={`${id}-legality-date`}
            label={t('groups.form.legalityDate')}
            errors={errorsFor('legality_date')}
            type="date"
            name="legality_date"
            value={draft.legality_date}
            onChange={(e) => set('legality_date', e.target.value)}
          />
          <FormField
            id={`${id}-founded`}
            label={t('groups.form.foundedOn')}
            errors={errorsFor('founded_on')}
            type="date"
            name="founded_on"
            value={draft.founded_on}
            onChange={(e) => set('founded_on', e.target.value)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('groups.form.submitting') : t('groups.form.submit')}
          </button>
          <Link to={GROUPS_PATH} className="button button--secondary">
            {t('groups.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
