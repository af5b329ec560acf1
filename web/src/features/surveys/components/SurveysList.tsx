import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { QueryStatus } from '../../../components/QueryStatus';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { SubmitRow } from '../../../components/SubmitRow';
import { formatDay, joinDetails } from '../../../lib/format';
import { useForm } from '../../../lib/use-form';
import { useCreateSurvey, useGroupMembers, useSurveys, useSurveyTemplates } from '../hooks/use-surveys';
import { guides, templateName, type SurveyGroup, type SurveyInput, type SurveyTemplate } from '../types';
import { readSurveyErrors, surveyProblemMessage } from '../types/errors';
import { surveyPath, type SurveyNotice } from '../types/paths';
import { validateStart, MAX_TITLE, type StartDraft } from '../types/start';

/** The group's surveys, newest first, and for those who guide it a form to start one from a template. */
export function SurveysList({ group }: { group: SurveyGroup }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const surveys = useSurveys(group.id);
  const members = useGroupMembers(group.id);
  const canGuide = members.data ? guides(group, members.data) : false;
  const templates = useSurveyTemplates();
  const nameOf = (code: string) => {
    const template = templates.data?.find((tpl) => tpl.code === code);
    return template ? templateName(template, language) : null;
  };
  const items = surveys.data?.items ?? [];

  return (
    <SectionCard
      title={t('surveys.list.title')}
      count={surveys.data ? t('surveys.list.total', { count: surveys.data.total }) : null}
      addLabel={t('surveys.list.add')}
      canAdd={canGuide && templates.data !== undefined}
      form={(close) => <StartSurveyForm group={group} templates={templates.data ?? []} onCancel={close} />}
      intro={<p className="muted">{t('surveys.list.intro')}</p>}
      busy={surveys.isFetching}
      testId="surveys"
    >
      <QueryStatus query={surveys} problem={(e) => surveyProblemMessage(t, e)} loading={t('surveys.list.loading')} />
      {surveys.data && items.length === 0 ? <p className="muted">{t('surveys.list.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="record-list" data-testid="survey-list">
          {items.map((survey) => {
            const kind = nameOf(survey.template_code);
            return (
              <li key={survey.id} className="record-card">
                <h3 className="record-card__title">
                  <Link to={surveyPath(group.id, survey.id)}>{survey.title}</Link>
                </h3>
                <p className="record-card__line muted">
                  {joinDetails([
                    kind !== null && kind !== survey.title ? kind : null,
                    t('surveys.list.openedOn', { date: formatDay(survey.opened_on, language) }),
                    t('surveys.list.responses', { count: survey.responses }),
                  ])}
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
    </SectionCard>
  );
}

function StartSurveyForm({ group, templates, onCancel }: { group: SurveyGroup; templates: readonly SurveyTemplate[]; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSurvey();
  const form = useForm({
    initial: { template_id: '', title: '' },
    validate: (draft: StartDraft) => validateStart(draft, group.id),
    send: (body: SurveyInput, idempotencyKey) => create.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) => readSurveyErrors(t, error, (field) => (field.base === 'template_id' || field.base === 'title' ? field.base : null)),
    onSaved: (saved) => {
      const notice: SurveyNotice = { notice: 'created' };
      void navigate(surveyPath(group.id, saved.id), { state: notice });
    },
  });
  const chosen = templates.find((tpl) => String(tpl.id) === form.draft.template_id);
  const options = templates.map((tpl) => ({
    value: String(tpl.id),
    label: `${templateName(tpl, i18n.resolvedLanguage)} (${t('surveys.start.questions', { count: tpl.questions.length })})`,
  }));
  return (
    <form className="form" onSubmit={(event) => void form.onSubmit(event)} noValidate aria-busy={form.submitting} data-testid="survey-start">
      <h3>{t('surveys.start.title')}</h3>
      {form.server.general.length > 0 ? <Alert tone="error">{form.server.general.join(' ')}</Alert> : null}
      <SelectField
        label={t('common.required', { label: t('surveys.start.template') })}
        emptyLabel={t('surveys.start.chooseTemplate')}
        options={options}
        hint={chosen?.description}
        {...form.field('template_id')}
      />
      <FormField label={t('surveys.start.surveyTitle')} hint={t('surveys.start.titleHint')} maxLength={MAX_TITLE} autoComplete="off" {...form.field('title')} />
      <SubmitRow
        submitting={form.submitting}
        labels={{ submit: t('surveys.start.submit'), saving: t('surveys.start.sending') }}
        cancel={{ label: t('surveys.start.cancel'), onClick: onCancel }}
      />
    </form>
  );
}
