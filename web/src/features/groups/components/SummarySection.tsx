import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatDay, formatMonth } from '../../../lib/format';
import { formatPlacePath } from '../../../lib/places';
import { useCompliance, useNorms } from '../hooks/use-group-queries';
import type { GroupView } from '../types';
import { latestMonth } from '../types/compliance';
import { groupProblemMessage } from '../types/errors';
import { groupPath } from '../types/paths';
import { sectorLabel } from './labels';
import { OpenBooksNote } from './OpenBooksNote';
import { SettingChangeLine } from './SettingChangeLine';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** This month against the SOP: a bar that fills at 100% (and says 200% when the group met twice). */
function ThisMonth({ group }: { group: GroupView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const compliance = useCompliance(group.id, group.sop_meetings_per_month, { from: null, to: null });
  const month = compliance.data ? latestMonth(compliance.data) : null;
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="this-month">
      <h2 id={`${id}-title`}>
        {month ? t('groups.summary.thisMonth', { month: formatMonth(month.month, language, 'long') }) : t('groups.summary.compliance')}
      </h2>
      {compliance.isError ? <Alert tone="error">{groupProblemMessage(t, compliance.error)}</Alert> : null}
      {compliance.isFetching && !month ? <p role="status">{t('groups.summary.complianceLoading')}</p> : null}
      {month ? (
        <>
          <p className="stat">{t('groups.summary.thisMonthHeld', { held: month.held, required: month.required })}</p>
          <ProgressBar
            percent={month.percent}
            label={t('groups.summary.compliance')}
            valueText={`${t('groups.summary.compliance')}: ${month.percent}%`}
          />
          {month.attendance_percent === null ? (
            <p className="muted">{t('groups.summary.noAttendance')}</p>
          ) : (
            <ProgressBar
              percent={month.attendance_percent}
              label={t('groups.summary.attendance')}
              valueText={`${t('groups.summary.attendance')}: ${month.attendance_percent}%`}
            />
          )}
          <p>
            <Link to={groupPath(group.id, 'compliance')}>{t('groups.summary.seeCompliance')}</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}

/** The rules the group agreed in its deliberations (seed 001: the market areas). */
function Norms({ group }: { group: GroupView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const norms = useNorms(group.id);
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="norms">
      <h2 id={`${id}-title`}>{t('groups.summary.norms')}</h2>
      {norms.isError ? <Alert tone="error">{groupProblemMessage(t, norms.error)}</Alert> : null}
      {norms.data && norms.data.items.length === 0 ? <p className="muted">{t('groups.summary.normsEmpty')}</p> : null}
      {norms.data && norms.data.items.length > 0 ? (
        <ul className="record-list">
          {norms.data.items.map((norm) => (
            <li key={norm.id} className="record-card" data-testid={`norm-${norm.id}`}>
              <p className="record-card__line norm__text">{norm.text}</p>
              {norm.change ? (
                <SettingChangeLine groupId={group.id} change={norm.change} label={t('groups.changes.applied')} testId={`norm-${norm.id}-change`} />
              ) : null}
              <p className="record-card__line muted">
                {t('groups.summary.normAdopted', {
                  topic: t(`groups.deliberations.topics.${norm.topic}`),
                  date: formatDay(norm.adopted_on, i18n.resolvedLanguage),
                })}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * Ringkasan: the rule that the books are open to every member, this month against the SOP (what a
 * leader checks on her phone), the profile, the rules agreed.
 */
export function SummarySection({ group }: { group: GroupView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const notFilled = <span className="muted">{t('groups.notFilled')}</span>;
  return (
    <>
      <OpenBooksNote />
      {group.member_id != null ? (
        <p>
          <Link to={groupPath(group.id, 'mine')} data-testid="to-mine">{t('groups.mine.open')}</Link>
        </p>
      ) : null}
      <ThisMonth group={group} />
      <section className="card" aria-labelledby={`${id}-title`} data-testid="group-profile">
        <h2 id={`${id}-title`}>{t('groups.summary.profile')}</h2>
        <dl className="details">
          <Row label={t('groups.status')}>
            {t('groups.summary.statusSince', {
              status: t(`groups.statuses.${group.status}`),
              date: formatDay(group.status_since, language),
            })}
          </Row>
          <Row label={t('groups.summary.activeMembers')}>
            <Link to={groupPath(group.id, 'members')}>{t('groups.members.count', { count: group.active_members })}</Link>
          </Row>
          <Row label={t('groups.summary.sop')}>{t('groups.summary.sopValue', { count: group.sop_meetings_per_month })}</Row>
          <Row label={t('groups.kind')}>{t(`groups.kinds.${group.kind}`)}</Row>
          <Row label={t('groups.summary.sector')}>{sectorLabel(t, group.sector)}</Row>
          <Row label={t('groups.summary.village')}>{group.village ? formatPlacePath(group.village) : group.village_code}</Row>
          <Row label={t('groups.form.businessCentre')}>{group.business_centre ?? notFilled}</Row>
          <Row label={t('groups.form.origin')}>{t(`groups.origins.${group.origin}`)}</Row>
          <Row label={t('groups.form.legality')}>
            {group.legality
              ? [group.legality, group.legality_date ? formatDay(group.legality_date, language, 'long') : null].filter(Boolean).join(', ')
              : notFilled}
          </Row>
          <Row label={t('groups.form.foundedOn')}>{group.founded_on ? formatDay(group.founded_on, language, 'long') : notFilled}</Row>
        </dl>
      </section>
      <Norms group={group} />
    </>
  );
}
