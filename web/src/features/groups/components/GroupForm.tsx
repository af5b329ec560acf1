import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { RegionField } from '../../../components/RegionField';
import { BackLink } from '../../../components/BackLink';
import { SubmitRow } from '../../../components/SubmitRow';
import { todayIso } from '../../../lib/format';
import type { RegionPickerSlot } from '../../../lib/places';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSubmission } from '../../../lib/use-submission';
import { NO_ERRORS, useFormErrors } from '../../../lib/use-form-errors';
import { bindFields } from '../../../lib/use-form';
import { useCreateGroup } from '../hooks/use-group-mutations';
import { GROUP_KINDS, ORIGINS, SECTORS } from '../types';
import { readGroupErrors } from '../types/errors';
import {
  emptyGroupDraft,
  GROUP_FIELDS,
  validateGroup,
  type GroupDraft,
  type GroupField,
} from '../types/forms';
import { groupPath, GROUPS_PATH, type WorkspaceNotice } from '../types/paths';

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
  const field = bindFields(id, draft, set, errorsFor);

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

  return (
    <>
      <BackLink to={GROUPS_PATH}>{t('groups.workspace.back')}</BackLink>
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
          label={t('common.required', { label: t('groups.form.name') })}
          autoComplete="off"
          {...field('name')}
        />
        <SelectField
          label={t('common.required', { label: t('groups.form.kind') })}
          emptyLabel={t('groups.form.chooseKind')}
          options={GROUP_KINDS.map((kind) => ({ value: kind, label: t(`groups.kinds.${kind}`) }))}
          {...field('kind')}
        />
        <SelectField
          label={t('common.required', { label: t('groups.form.sector') })}
          emptyLabel={t('groups.form.chooseSector')}
          options={SECTORS.map((sector) => ({ value: sector, label: t(`sectors.${sector}`) }))}
          {...field('sector')}
        />
        <RegionField
          RegionPicker={RegionPicker}
          label={t('common.required', { label: t('groups.form.village') })}
          hint={t('groups.form.villageHint')}
          errors={errorsFor('village_code')}
          value={draft.village_code}
          onChange={(code) => set('village_code', code)}
        />
        <FormField
          label={t('groups.form.businessCentre')}
          hint={t('groups.form.businessCentreHint')}
          {...field('business_centre')}
        />
        <SelectField
          label={t('groups.form.origin')}
          options={ORIGINS.map((origin) => ({ value: origin, label: t(`groups.origins.${origin}`) }))}
          {...field('origin')}
        />
        <FormField
          label={t('common.required', { label: t('groups.form.sop') })}
          hint={t('groups.form.sopHint')}
          inputMode="numeric"
          {...field('sop_meetings_per_month')}
        />
        <FormField
          label={t('groups.form.legality')}
          hint={t('groups.form.legalityHint')}
          {...field('legality')}
        />
        <div className="form-grid">
          <FormField
            label={t('groups.form.legalityDate')}
            type="date"
            {...field('legality_date')}
          />
          <FormField
            label={t('groups.form.foundedOn')}
            type="date"
            {...field('founded_on')}
          />
        </div>
        <SubmitRow submitting={submitting} labels={{ submit: t('groups.form.submit'), saving: t('groups.form.submitting') }}>
          <Link to={GROUPS_PATH} className="button button--secondary">
            {t('groups.form.cancel')}
          </Link>
        </SubmitRow>
      </form>
    </>
  );
}
