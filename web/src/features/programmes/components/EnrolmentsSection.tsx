import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { QueryStatus } from '../../../components/QueryStatus';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { isApiError } from '../../../lib/api-client';
import { formatDay, todayIso } from '../../../lib/format';
import { problemMessage, serverField } from '../../../lib/problem-messages';
import { useForm } from '../../../lib/use-form';
import { readServerErrors } from '../../../lib/use-form-errors';
import { useEligibility, useEnrol, useEnrolments, useFacilitators, useUpdateEnrolment } from '../hooks/use-programmes';
import { useRegionNames } from '../hooks/use-region-names';
import type { Enrolment, EnrolmentInput, EnrolmentView, ProgrammeView } from '../types';
import { programmeFieldMessage } from '../types/errors';
import { EligibilityChecks } from './EligibilityChecks';
import { RecipientPicker, type PickedRecipient } from './RecipientPicker';

/** The programme's participants, flagged when enrolled outside the criteria; enrol one, or record one leaving. */
export function EnrolmentsSection({ programme }: { programme: ProgrammeView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const enrolments = useEnrolments(programme.id);
  const leave = useUpdateEnrolment(programme.id);
  const [notice, setNotice] = useState<string | null>(null);
  const canEnrol = programme.can_manage && programme.status !== 'closed';
  const items = enrolments.data?.items ?? [];
  return (
    <SectionCard
      title={t('programmes.enrolments.title')}
      count={enrolments.data ? t('programmes.enrolments.count', { count: enrolments.data.total }) : null}
      addLabel={t('programmes.enrolments.add')}
      canAdd={canEnrol}
      onAdd={() => setNotice(null)}
      notice={notice}
      busy={enrolments.isFetching}
      testId="enrolments"
      form={(close) => (
        <EnrolForm
          programme={programme}
          onCancel={close}
          onSaved={(saved) => {
            close();
            setNotice(
              saved.outside_criteria
                ? t('programmes.enrolments.enrolledOutside', { name: saved.recipient_name })
                : t('programmes.enrolments.enrolled', { name: saved.recipient_name }),
            );
          }}
        />
      )}
    >
      <QueryStatus
        query={enrolments}
        problem={(e) => problemMessage(t, e)}
        loading={t('programmes.enrolments.loading')}
        empty={t('programmes.enrolments.empty')}
      />
      {items.length > 0 ? (
        <ul className="record-list" data-testid="enrolment-list">
          {items.map((e) => (
            <EnrolmentCard
              key={e.id}
              enrolment={e}
              language={language}
              canLeave={canEnrol && e.left_on === null}
              onLeave={async () => {
                await leave.mutateAsync({ enrolmentId: e.id, body: { left_on: todayIso() } });
                setNotice(t('programmes.enrolments.left', { name: e.recipient_name }));
              }}
            />
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}

interface EnrolmentCardProps {
  enrolment: Enrolment;
  language: string | undefined;
  canLeave: boolean;
  /** Records the participant leaving today. */
  onLeave(this: void): Promise<void>;
}

function EnrolmentCard({ enrolment, language, canLeave, onLeave }: EnrolmentCardProps) {
  const { t } = useTranslation();
  return (
    <li className="record-card" data-testid={`enrolment-${enrolment.id}`}>
      <h3 className="record-card__title">{enrolment.recipient_name}</h3>
      <p className="record-card__line muted">
        {enrolment.group_id !== null ? t('programmes.enrolments.group') : t('programmes.enrolments.enterprise')}
        {' · '}
        {t('programmes.enrolments.enrolledOn', { day: formatDay(enrolment.enrolled_on, language) })}
        {enrolment.left_on ? ` · ${t('programmes.enrolments.leftOn', { day: formatDay(enrolment.left_on, language) })}` : ''}
      </p>
      {enrolment.facilitator ? <p className="record-card__line">{t('programmes.enrolments.facilitator', { name: enrolment.facilitator.name })}</p> : null}
      {enrolment.outside_criteria ? (
        <>
          <p className="record-card__badges">
            <Badge tone="warning" testId="outside-criteria">
              {t('programmes.enrolments.outside')}
            </Badge>
          </p>
          {enrolment.outside_criteria_reason ? (
            <p className="record-card__line">{t('programmes.enrolments.reason', { reason: enrolment.outside_criteria_reason })}</p>
          ) : null}
        </>
      ) : null}
      {canLeave ? (
        <ConfirmAction
          label={t('programmes.enrolments.leave')}
          accessibleLabel={t('programmes.enrolments.leaveLabel', { name: enrolment.recipient_name })}
          question={t('programmes.enrolments.leaveQuestion', { name: enrolment.recipient_name })}
          confirmLabel={t('programmes.enrolments.leaveConfirm')}
          onConfirm={onLeave}
          describeError={(error) => problemMessage(t, error)}
        />
      ) : null}
    </li>
  );
}

type EnrolField = 'recipient' | 'outside_criteria_reason' | 'facilitator_id' | 'enrolled_on';

interface EnrolDraft {
  recipient: PickedRecipient | null;
  outside_criteria_reason: string;
  facilitator_id: string;
  enrolled_on: string;
}

function enrolFieldOf(field: string): EnrolField | null {
  const { base } = serverField(field);
  if (base === 'group_id' || base === 'enterprise_id') return 'recipient';
  return base === 'outside_criteria_reason' || base === 'facilitator_id' || base === 'enrolled_on' ? base : null;
}

function EnrolForm({
  programme,
  onSaved,
  onCancel,
}: {
  programme: ProgrammeView;
  onSaved: (saved: EnrolmentView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const enrol = useEnrol(programme.id);
  const facilitators = useFacilitators(programme.id);
  const form = useForm<EnrolDraft, EnrolField, EnrolmentInput, EnrolmentView>({
    initial: (): EnrolDraft => ({ recipient: null, outside_criteria_reason: '', facilitator_id: '', enrolled_on: todayIso() }),
    validate: (draft) => {
      if (draft.recipient === null) return { errors: { recipient: ['programmes.enrolments.pickFirst'] }, input: null };
      const reason = draft.outside_criteria_reason.trim();
      const input: EnrolmentInput = {
        [draft.recipient.kind === 'group' ? 'group_id' : 'enterprise_id']: draft.recipient.id,
        enrolled_on: draft.enrolled_on || undefined,
        ...(reason ? { outside_criteria_reason: reason } : {}),
        ...(draft.facilitator_id ? { facilitator_id: Number(draft.facilitator_id) } : {}),
      };
      return { errors: {}, input };
    },
    send: (input: EnrolmentInput, key) => enrol.mutateAsync({ body: input, idempotencyKey: key }),
    readErrors: (error) =>
      readServerErrors(error, {
        fieldOf: (fieldError) => enrolFieldOf(fieldError.field),
        message: (fieldError) => programmeFieldMessage(t, fieldError),
        problem: (failure) =>
          isApiError(failure) && failure.errors.length > 0
            ? failure.errors.map((e) => programmeFieldMessage(t, e)).join(' ')
            : problemMessage(t, failure),
      }),
    onSaved,
  });
  const { draft, set, errorsFor, field } = form;
  const eligibility = useEligibility(programme.id, draft.recipient?.kind ?? 'group', draft.recipient?.id ?? null);
  const regionName = useRegionNames(programme.criteria.region_codes);
  const outside = eligibility.data !== undefined && !eligibility.data.eligible;
  return (
    <FormCard
      title={t('programmes.enrolments.formTitle')}
      form={form}
      labels={{ submit: t('programmes.enrolments.submit'), saving: t('programmes.enrolments.saving'), cancel: t('programmes.enrolments.cancel') }}
      onCancel={onCancel}
      testId="enrol-form"
    >
      <RecipientPicker picked={draft.recipient} onPick={(picked) => set('recipient', picked)} errors={errorsFor('recipient')} />
      {draft.recipient && eligibility.isFetching && !eligibility.data ? <p role="status">{t('programmes.eligibility.checking')}</p> : null}
      {eligibility.isError ? <Alert tone="error">{problemMessage(t, eligibility.error)}</Alert> : null}
      {draft.recipient && eligibility.data ? <EligibilityChecks eligibility={eligibility.data} regionName={regionName} /> : null}
      {outside || errorsFor('outside_criteria_reason').length > 0 ? (
        <TextAreaField
          label={t('common.required', { label: t('programmes.enrolments.reasonLabel') })}
          hint={t('programmes.enrolments.reasonHint')}
          {...field('outside_criteria_reason')}
        />
      ) : null}
      <SelectField
        label={t('programmes.enrolments.facilitatorLabel')}
        hint={
          facilitators.data && facilitators.data.length === 0
            ? t('programmes.enrolments.noFacilitators')
            : t('programmes.enrolments.facilitatorsAdmin')
        }
        emptyLabel={t('programmes.enrolments.noFacilitator')}
        options={(facilitators.data ?? []).map((f) => ({ value: String(f.id), label: f.name }))}
        {...field('facilitator_id')}
      />
      <FormField type="date" label={t('programmes.enrolments.enrolledOnLabel')} {...field('enrolled_on')} />
    </FormCard>
  );
}
