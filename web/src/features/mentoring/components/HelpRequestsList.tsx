import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Pagination } from '../../../components/Pagination';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatDate } from '../../../lib/format';
import { HELP_PAGE, useHelpRequests } from '../hooks/use-help-requests';
import { filtersFor, helpProblemMessage, isHelpFilter, reportsForOthers, type HelpFilter, type HelpGroup, type HelpRequest } from '../types/help';
import { helpRequestPath, newHelpRequestPath } from '../types/paths';
import { HelpStatusBadge } from './HelpStatusBadge';

function RequestCard({ group, request }: { group: HelpGroup; request: HelpRequest }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="record-card help-card" data-testid={`help-request-${request.id}`}>
      {request.photo ? (
        <img className="help-card__thumb" src={request.photo.thumbnail_url} alt="" loading="lazy" width={64} height={64} />
      ) : null}
      <div className="help-card__text">
        <h3 className="record-card__title">
          <Link to={helpRequestPath(group.id, request.id)}>{request.title}</Link>
        </h3>
        <p className="record-card__badges">
          <HelpStatusBadge status={request.status} />
          <span className="record-card__count">
            {t('mentoring.help.list.byline', { name: request.member.name, date: formatDate(request.created_at, i18n.resolvedLanguage) })}
          </span>
        </p>
        <p className="muted record-card__line">
          {t('mentoring.help.list.counts', { advice: request.advice_count, attempts: request.attempt_count })}
        </p>
      </div>
    </li>
  );
}

/**
 * A group's help requests: those still waiting first (open, then advised, the longest waiting on
 * top: a mentor's queue), her own, the closed, or all; "Minta bantuan" for a member. The list says
 * that the group's requests are open to all its members.
 */
export function HelpRequestsList({ group }: { group: HelpGroup }) {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const offered = filtersFor(group);
  const asked = params.get('filter');
  const filter: HelpFilter = isHelpFilter(asked) && offered.includes(asked) ? asked : 'waiting';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const list = useHelpRequests(group.id, filter, offset);
  const page = list.data;
  // A member asks for herself; the leader and those who oversee the group also for a member without an account.
  const canAsk = ((group.member_id ?? null) !== null || reportsForOthers(group)) && group.status !== 'dissolved';

  const choose = (next: HelpFilter) => setParams(next === 'waiting' ? {} : { filter: next }, { replace: true });

  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={list.isFetching} data-testid="help-list">
      <div className="section-head">
        <h2 id={`${id}-title`}>{t('mentoring.help.list.title')}</h2>
        {canAsk ? (
          <Link className="button button--primary" to={newHelpRequestPath(group.id)}>
            {t('mentoring.help.list.ask')}
          </Link>
        ) : null}
      </div>
      <p className="muted" data-testid="help-open-note">
        {t('mentoring.help.list.openNote')}
      </p>
      <div className="button-row help-filters" role="group" aria-label={t('mentoring.help.list.filterLabel')}>
        {offered.map((f) => (
          <button
            key={f}
            type="button"
            className={f === filter ? 'button button--primary' : 'button button--secondary'}
            aria-pressed={f === filter}
            onClick={() => choose(f)}
          >
            {t(`mentoring.help.list.filters.${f}`)}
          </button>
        ))}
      </div>
      <QueryStatus query={list} problem={(e) => helpProblemMessage(t, e)} loading={t('mentoring.help.list.loading')} />
      {page && page.items.length === 0 ? <p className="muted">{t(`mentoring.help.list.empty.${filter}`)}</p> : null}
      {page && page.items.length > 0 ? (
        <ul className="record-list" data-testid="help-request-list">
          {page.items.map((request) => (
            <RequestCard key={request.id} group={group} request={request} />
          ))}
        </ul>
      ) : null}
      {page ? (
        <Pagination
          total={page.total}
          limit={HELP_PAGE}
          offset={offset}
          onChange={(next) => setParams({ ...(filter === 'waiting' ? {} : { filter }), ...(next > 0 ? { offset: String(next) } : {}) })}
        />
      ) : null}
    </section>
  );
}
