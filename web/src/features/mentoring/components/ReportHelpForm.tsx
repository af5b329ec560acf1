import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { SubmitRow } from '../../../components/SubmitRow';
import { TextAreaField } from '../../../components/TextAreaField';
import { todayIso } from '../../../lib/format';
import { useForm } from '../../../lib/use-form';
import { useCompetencies } from '../hooks/use-competencies';
import { useReportHelp, useSendPhoto } from '../hooks/use-help-requests';
import { useGroupMembers } from '../hooks/use-learning';
import { catalogueFor, competencyName } from '../types';
import { membersOn } from '../types/cycles';
import {
  MAX_TITLE,
  readHelpErrors,
  reportDraftFor,
  reportsForOthers,
  validateReport,
  type HelpGroup,
  type HelpRequestDetail,
  type HelpRequestInput,
  type ReportDraft,
} from '../types/help';
import { helpListPath, helpRequestPath, type HelpNotice } from '../types/paths';
import { PhotoPicker, type PhotoProgress } from './PhotoPicker';

/**
 * "Minta bantuan" on a phone: what failed in a few words, what it is about, and a photo from the
 * camera. The group's leader (or an officer) may report for a member who has no account: she
 * chooses the member first. The report is sent first, then the photo with a progress bar; when the photo is
 * refused (not a picture, too large) the report stands, and she sends another photo or goes on
 * without one: sending again never reports twice.
 */
export function ReportHelpForm({ group }: { group: HelpGroup }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const report = useReportHelp();
  const sendPhoto = useSendPhoto();
  const catalogue = useCompetencies();
  const [photo, setPhoto] = useState<File | null>(null);
  const [progress, setProgress] = useState<PhotoProgress | null>(null);
  // The request once reported: a retry sends only the photo.
  const [reported, setReported] = useState<HelpRequestDetail | null>(null);
  const language = i18n.resolvedLanguage;
  const view = catalogueFor(catalogue.data ?? [], group.sector);
  const options = [...view.own, ...view.shared].map((c) => ({ value: String(c.id), label: competencyName(c, language) }));
  const forOthers = reportsForOthers(group);
  const members = useGroupMembers(group.id, forOthers);
  const memberOptions = membersOn(members.data ?? [], todayIso()).map((m) => ({ value: String(m.id), label: m.person.name }));

  const form = useForm({
    initial: reportDraftFor(group),
    validate: (draft: ReportDraft) => validateReport(draft, group.id, photo, forOthers),
    send: async (body: HelpRequestInput, idempotencyKey) => {
      const request = reported ?? (await report.mutateAsync({ body, idempotencyKey }));
      if (!photo) return request;
      setReported(request);
      setProgress({ sent: 0, total: photo.size });
      try {
        return await sendPhoto.mutateAsync({ id: request.id, photo, onProgress: (sent, total) => setProgress({ sent, total }) });
      } finally {
        setProgress(null);
      }
    },
    readErrors: (error) => readHelpErrors(t, error, ['member_id', 'title', 'description', 'competency_id', 'photo']),
    onSaved: (saved) => {
      const notice: HelpNotice = { notice: 'reported' };
      void navigate(helpRequestPath(group.id, saved.id), { state: notice });
    },
  });
  const { field } = form;
  const sent = reported;

  return (
    <section className="card" aria-labelledby="help-report-title" data-testid="help-report">
      <h2 id="help-report-title" tabIndex={-1}>
        {t('mentoring.help.form.title')}
      </h2>
      <p className="muted">{t('mentoring.help.form.intro')}</p>
      {sent && !form.submitting ? (
        <Alert tone="info">{t('mentoring.help.form.reportedPhotoPending')}</Alert>
      ) : null}
      {form.server.general.length > 0 ? <Alert tone="error">{form.server.general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => void form.onSubmit(event)} noValidate aria-busy={form.submitting}>
        {forOthers ? (
          <SelectField
            label={t('common.required', { label: t('mentoring.help.fields.member') })}
            hint={t('mentoring.help.form.memberHint')}
            emptyLabel={t('mentoring.help.form.chooseMember')}
            options={memberOptions}
            disabled={sent !== null}
            {...field('member_id')}
          />
        ) : null}
        <FormField
          label={t('common.required', { label: t('mentoring.help.fields.title') })}
          hint={t('mentoring.help.form.titleHint')}
          maxLength={MAX_TITLE}
          autoComplete="off"
          readOnly={sent !== null}
          {...field('title')}
        />
        <TextAreaField
          label={t('mentoring.help.fields.description')}
          hint={t('mentoring.help.form.descriptionHint')}
          rows={3}
          readOnly={sent !== null}
          {...field('description')}
        />
        <SelectField
          label={t('mentoring.help.fields.competency')}
          emptyLabel={t('mentoring.help.form.noCompetency')}
          options={options}
          disabled={sent !== null}
          {...field('competency_id')}
        />
        <PhotoPicker
          file={photo}
          onChange={(file) => {
            setPhoto(file);
            form.clear();
          }}
          errors={form.errorsFor('photo')}
          progress={progress}
          disabled={form.submitting}
          testId="help-photo"
        />
        <SubmitRow
          submitting={form.submitting}
          labels={{ submit: sent ? t('mentoring.help.form.sendPhoto') : t('mentoring.help.form.submit'), saving: t('mentoring.help.form.sending') }}
          cancel={
            sent
              ? {
                  label: t('mentoring.help.form.withoutPhoto'),
                  onClick: () => void navigate(helpRequestPath(group.id, sent.id), { state: { notice: 'reported' } satisfies HelpNotice }),
                }
              : { label: t('mentoring.help.form.cancel'), onClick: () => void navigate(helpListPath(group.id)) }
          }
        />
      </form>
    </section>
  );
}
