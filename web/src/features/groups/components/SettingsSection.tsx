import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Alert } from '../../../components/Alert';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { formatDay, todayIso } from '../../../lib/format';
import { useUpdateGroup } from '../hooks/use-group-mutations';
import { canWrite, isGroupStatus, nextStatuses, type GroupStatus, type GroupView } from '../types';
import { readGroupErrors } from '../types/errors';
import { isIsoDay } from '../types/forms';

/** What a status change will do, in words, asked before it is done: dissolving is final. */
function consequence(t: TFunction, group: GroupView, status: GroupStatus, since: string, language: string | undefined): string {
  const date = formatDay(since || todayIso(), language, 'long');
  if (status === 'dissolved') return t('groups.settings.dissolveQuestion', { name: group.name, date });
  return t('groups.settings.statusQuestion', { name: group.name, status: t(`groups.statuses.${status}`), date });
}

/**
 * Moving the group on in its life: embryo → active, active ↔ inactive, or dissolved. The change is
 * asked first, with what it does; dissolving is final and says so.
 */
function StatusSettings({ group }: { group: GroupView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const update = useUpdateGroup(group.id);
  const [status, setStatus] = useState<'' | GroupStatus>('');
  const [since, setSince] = useState('');
  const [saved, setSaved] = useState(false);
  const choices = nextStatuses(group.status);
  const sinceProblems =
    since === '' ? [] : !isIsoDay(since) ? [t('groups.form.errors.date')] : since > todayIso() ? [t('groups.form.errors.dateInFuture')] : [];

  async function onConfirm(chosen: GroupStatus) {
    setSaved(false);
    await update.mutateAsync(since ? { status: chosen, status_since: since } : { status: chosen });
    setStatus('');
    setSince('');
    setSaved(true);
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="status-settings">
      <h2 id={`${id}-title`}>{t('groups.settings.statusTitle')}</h2>
      <p data-testid="status-now">
        {t('groups.summary.statusSince', { status: t(`groups.statuses.${group.status}`), date: formatDay(group.status_since, language) })}
      </p>
      {saved ? <Alert tone="success">{t('groups.settings.statusSaved')}</Alert> : null}
      {choices.length === 0 ? (
        <p className="muted">{t('groups.settings.dissolvedFinal')}</p>
      ) : (
        <div className="form" data-testid="status-change">
          <SelectField
            id={`${id}-status`}
            label={t('groups.settings.newStatus')}
            emptyLabel={t('groups.settings.chooseStatus')}
            options={choices.map((choice) => ({ value: choice, label: t(`groups.statuses.${choice}`) }))}
            name="status"
            value={status}
            onChange={(e) => {
              setSaved(false);
              setStatus(isGroupStatus(e.target.value) ? e.target.value : '');
            }}
          />
          {status === 'dissolved' ? <Alert tone="info">{t('groups.settings.dissolveWarning')}</Alert> : null}
          <FormField
            id={`${id}-since`}
            label={t('groups.settings.statusSinceField')}
            hint={t('groups.settings.statusSinceHint')}
            errors={sinceProblems}
            type="date"
            max={todayIso()}
            name="status_since"
            value={since}
            onChange={(e) => setSince(e.target.value)}
          />
          {status !== '' && sinceProblems.length === 0 ? (
            <ConfirmAction
              key={status}
              label={status === 'dissolved' ? t('groups.settings.dissolve') : t('groups.settings.changeTo', { status: t(`groups.statuses.${status}`) })}
              tone={status === 'dissolved' ? 'danger' : 'secondary'}
              confirmTone={status === 'dissolved' ? 'danger' : 'primary'}
              question={consequence(t, group, status, since, language)}
              confirmLabel={status === 'dissolved' ? t('groups.settings.confirmDissolve') : t('groups.settings.confirmChange')}
              testId="status-confirm"
              describeError={(error) => {
                const errors = readGroupErrors(t, error, []);
                return errors.general.join(' ');
              }}
              onConfirm={() => onConfirm(status)}
            />
          ) : null}
        </div>
      )}
    </section>
  );
}

/** Pengaturan: what changes the group as a whole, each change asked before it is made. */
export function SettingsSection({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  // A dissolved group takes no writes; its settings still say it is dissolved for good.
  if (!canWrite(group, 'profile') && group.status !== 'dissolved') {
    return <Alert tone="info">{t('groups.settings.notAllowed')}</Alert>;
  }
  return <StatusSettings group={group} />;
}
