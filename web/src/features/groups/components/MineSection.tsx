import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatDay, formatMonth, joinDetails } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useMemberSummary } from '../hooks/use-group-queries';
import type { GroupView } from '../types';
import { groupProblemMessage } from '../types/errors';
import {
  feeStanding,
  MINE_LIMIT,
  type MemberCompetency,
  type MemberFeePosition,
  type MemberOrderShare,
  type MemberPost,
  type MemberVote,
} from '../types/mine';
import { cyclePath, deliberationPath, groupPath, newHelpPath, orderPath } from '../types/paths';
import { OpenBooksNote } from './OpenBooksNote';
import { OrderStatusBadges } from './OrderPage';

/** A card of the view: its heading, how many she has in all, and "the latest N of M" under a short list. */
function MineCard({ title, total, shown, counted = true, testId, more, children }: {
  title: string;
  total: number;
  shown: number;
  /** Whether the heading says how many she has (her fee card counts payments, not what the card is about). */
  counted?: boolean;
  testId: string;
  /** Where the whole list is, when she has more than the card shows. */
  more: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h2 id={`${id}-title`}>
        {title}
        {counted && total > 0 ? (
          <>
            {' '}
            <span className="muted heading-count">{`(${total})`}</span>
          </>
        ) : null}
      </h2>
      {children}
      {shown < total ? (
        <p className="muted">
          {t('groups.mine.latest', { shown, total })} {more}
        </p>
      ) : null}
    </section>
  );
}

/** Her fees: the one line she looks for first (arrears, or paid up to a month), then her latest payments. */
function FeesCard({ group, fees }: { group: GroupView; fees: MemberFeePosition }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const standing = feeStanding(fees);
  const month = (m: string) => formatMonth(m, language, 'long');
  const payments = fees.payments.items;
  return (
    <MineCard
      title={t('groups.mine.fees.title')}
      total={fees.payments.total}
      shown={payments.length}
      counted={false}
      testId="mine-fees"
      more={<Link to={groupPath(group.id, 'treasury')}>{t('groups.mine.fees.seeLedger')}</Link>}
    >
      {standing.kind === 'arrears' ? (
        <p className="stat stat--warning" data-testid="mine-fee-standing">
          {t('groups.mine.fees.arrears', { amount: formatRupiah(standing.amount) })}
        </p>
      ) : null}
      {standing.kind === 'settled' ? (
        <p className="stat" data-testid="mine-fee-standing">
          {t('groups.mine.fees.settled', { month: month(standing.paidThrough) })}
        </p>
      ) : null}
      {standing.kind === 'noFee' ? (
        <p className="stat" data-testid="mine-fee-standing">
          {t('groups.mine.fees.noFee')}
        </p>
      ) : null}
      <p className="muted" data-testid="mine-fee-figures">
        {t('groups.mine.fees.figures', {
          due: formatRupiah(fees.due),
          paid: formatRupiah(fees.paid),
          month: month(fees.through),
        })}
      </p>
      {standing.kind === 'arrears' && standing.paidThrough ? (
        <p className="muted">{t('groups.mine.fees.paidThrough', { month: month(standing.paidThrough) })}</p>
      ) : null}
      {standing.kind === 'settled' && standing.ahead > 0 ? (
        <p className="muted">{t('groups.mine.fees.ahead', { amount: formatRupiah(standing.ahead) })}</p>
      ) : null}
      {fees.monthly_fee !== null && fees.monthly_fee !== undefined ? (
        <p className="muted">{t('groups.mine.fees.monthly', { amount: formatRupiah(fees.monthly_fee) })}</p>
      ) : null}
      <h3>{t('groups.mine.fees.payments')}</h3>
      {payments.length === 0 ? <p className="muted">{t('groups.mine.fees.noPayments')}</p> : null}
      {payments.length > 0 ? (
        <ul className="record-list" data-testid="mine-payments">
          {payments.map((payment) => (
            <li key={payment.entry_id} className="record-card" data-testid={`mine-payment-${payment.entry_id}`}>
              <p className="record-card__line">
                <strong>{formatRupiah(payment.amount)}</strong> · {formatDay(payment.date, language)}
              </p>
              <p className="record-card__line muted">
                {t(`groups.treasury.kinds.${payment.kind}`)}
                {payment.memo ? ` · ${payment.memo}` : ''}
              </p>
              {payment.reversed ? <Badge tone="neutral">{t('groups.mine.fees.reversed')}</Badge> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </MineCard>
  );
}

function OrderShareCard({ group, share }: { group: GroupView; share: MemberOrderShare }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="record-card" data-testid={`mine-order-${share.order_id}`}>
      <h3 className="record-card__title">
        <Link to={orderPath(group.id, share.order_id)}>
          {t('groups.orders.cardTitle', { product: share.product, customer: share.customer })}
        </Link>
      </h3>
      <p className="record-card__line">
        {t('groups.mine.orders.share', { quantity: share.quantity, unit: share.unit, amount: formatRupiah(share.payout) })}
      </p>
      <p className="record-card__line muted">
        {joinDetails([
          t('groups.mine.orders.delivered', { delivered: share.delivered, quantity: share.quantity, unit: share.unit }),
          share.due_on ? t('groups.orders.due', { date: formatDay(share.due_on, i18n.resolvedLanguage) }) : null,
        ])}
      </p>
      {share.paid_out > 0 ? (
        <p className="record-card__line muted">{t('groups.mine.orders.paidOut', { amount: formatRupiah(share.paid_out) })}</p>
      ) : null}
      <div className="record-card__badges">
        <OrderStatusBadges order={share} />
      </div>
    </li>
  );
}

function VoteCard({ group, vote }: { group: GroupView; vote: MemberVote }) {
  const { t, i18n } = useTranslation();
  const when = formatDay(vote.cast_at.slice(0, 10), i18n.resolvedLanguage);
  return (
    <li className="record-card" data-testid={`mine-vote-${vote.deliberation_id}`}>
      <h3 className="record-card__title">
        <Link to={deliberationPath(group.id, vote.deliberation_id)}>{vote.title}</Link>
      </h3>
      <p className="record-card__line">
        {vote.choice ? t('groups.mine.votes.choice', { choice: vote.choice }) : t('groups.mine.votes.against')}
      </p>
      <p className="record-card__line muted">
        {vote.own
          ? t('groups.mine.votes.cast', { date: when })
          : vote.recorded_by
            ? t('groups.mine.votes.entered', { date: when, name: vote.recorded_by })
            : t('groups.mine.votes.recorded', { date: when })}
      </p>
      <div className="record-card__badges">
        {vote.decided && vote.outcome ? (
          <Badge tone={vote.outcome === 'agreed' ? 'success' : 'neutral'}>{t(`groups.deliberations.outcomes.${vote.outcome}`)}</Badge>
        ) : (
          <Badge tone="info">{t('groups.mine.votes.open')}</Badge>
        )}
      </div>
    </li>
  );
}

/**
 * One competency of hers (issue 14: a mentee sees her competencies on her phone): where her latest
 * evaluation left her, and what her open cycles aim her at.
 */
function CompetencyCard({ group, line }: { group: GroupView; line: MemberCompetency }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const name = language === 'en' && line.name_en ? line.name_en : line.name;
  const latest = line.latest;
  return (
    <li className="record-card" data-testid={`mine-competency-${line.competency_id}`}>
      <h3 className="record-card__title">{name}</h3>
      {latest ? (
        <p className="record-card__line" data-testid={`mine-competency-${line.competency_id}-latest`}>
          {joinDetails([
            latest.achieved ? t('groups.mine.competencies.achieved') : t('groups.mine.competencies.notYet'),
            latest.level !== null ? t('groups.mine.competencies.level', { level: latest.level }) : null,
            formatDay(latest.evaluated_on, language),
          ])}
          <span className="cell-sub">
            {t('groups.mine.competencies.in')} <Link to={cyclePath(group.id, latest.cycle_id)}>{latest.cycle_title}</Link>
          </span>
        </p>
      ) : (
        <p className="record-card__line muted">{t('groups.mine.competencies.notEvaluated')}</p>
      )}
      {line.targets.map((target) => (
        <p key={target.cycle_id} className="record-card__line" data-testid={`mine-competency-${line.competency_id}-target-${target.cycle_id}`}>
          {t('groups.mine.competencies.target', { level: target.level })}{' '}
          <Link to={cyclePath(group.id, target.cycle_id)}>{target.cycle_title}</Link>{' '}
          <Badge tone="info">{t(`groups.mine.competencies.stages.${target.status}`)}</Badge>
        </p>
      ))}
    </li>
  );
}

function PostCard({ group, post }: { group: GroupView; post: MemberPost }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="record-card" data-testid={`mine-post-${post.post_id}`}>
      <h3 className="record-card__title">
        <Link to={groupPath(group.id, 'knowledge')}>{post.title}</Link>
      </h3>
      <p className="record-card__line muted">
        {[t(`groups.posts.kinds.${post.kind}`), formatDay(post.created_at.slice(0, 10), i18n.resolvedLanguage)].join(' · ')}
      </p>
      <p className="record-card__line">
        {post.useful > 0 ? t('groups.posts.useful', { count: post.useful }) : t('groups.posts.noUseful')}
      </p>
    </li>
  );
}

/**
 * "Milik saya": what the group's books say of the member herself, on one screen of her phone — her
 * fees and arrears, her shares of joint orders, her votes, her posts — read in one request. Only
 * for a caller who acts as a member (GroupView.member_id).
 */
/** Where she asks the group's mentor for help with what failed, and finds what she asked before. */
function HelpCard({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="mine-help">
      <h2 id={`${id}-title`}>{t('groups.mine.help.title')}</h2>
      <p className="muted">{t('groups.mine.help.intro')}</p>
      <div className="button-row">
        {group.status !== 'dissolved' ? (
          <Link className="button button--primary" to={newHelpPath(group.id)}>
            {t('groups.mine.help.ask')}
          </Link>
        ) : null}
        <Link className="button button--secondary" to={`${groupPath(group.id, 'help')}?filter=mine`}>
          {t('groups.mine.help.seeMine')}
        </Link>
      </div>
    </section>
  );
}

export function MineSection({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const memberId = group.member_id ?? null;
  if (memberId === null) {
    return (
      <>
        <OpenBooksNote />
        <Alert tone="info">{t('groups.mine.notMember')}</Alert>
      </>
    );
  }
  return <MineRecords group={group} memberId={memberId} />;
}

function MineRecords({ group, memberId }: { group: GroupView; memberId: number }) {
  const { t } = useTranslation();
  const summary = useMemberSummary(group.id, memberId, MINE_LIMIT);
  const data = summary.data;
  return (
    <>
      <OpenBooksNote />
      <QueryStatus query={summary} problem={(e) => groupProblemMessage(t, e)} loading={t('groups.mine.loading')} />
      {data ? (
        <>
          <p className="muted" data-testid="mine-who">
            {t('groups.mine.who', { name: data.member.name })}
          </p>
          <HelpCard group={group} />
          <FeesCard group={group} fees={data.fees} />
          <MineCard
            title={t('groups.mine.competencies.title')}
            total={data.competencies.length}
            shown={data.competencies.length}
            testId="mine-competencies"
            more={null}
          >
            {data.competencies.length === 0 ? <p className="muted">{t('groups.mine.competencies.empty')}</p> : null}
            {data.competencies.length > 0 ? (
              <ul className="record-list">
                {data.competencies.map((line) => (
                  <CompetencyCard key={line.competency_id} group={group} line={line} />
                ))}
              </ul>
            ) : null}
          </MineCard>
          <MineCard
            title={t('groups.mine.orders.title')}
            total={data.orders.total}
            shown={data.orders.items.length}
            testId="mine-orders"
            more={<Link to={groupPath(group.id, 'orders')}>{t('groups.mine.orders.seeAll')}</Link>}
          >
            {data.orders.items.length === 0 ? <p className="muted">{t('groups.mine.orders.empty')}</p> : null}
            {data.orders.items.length > 0 ? (
              <ul className="record-list">
                {data.orders.items.map((share) => (
                  <OrderShareCard key={share.order_id} group={group} share={share} />
                ))}
              </ul>
            ) : null}
          </MineCard>
          <MineCard
            title={t('groups.mine.votes.title')}
            total={data.votes.total}
            shown={data.votes.items.length}
            testId="mine-votes"
            more={<Link to={groupPath(group.id, 'deliberations')}>{t('groups.mine.votes.seeAll')}</Link>}
          >
            {data.votes.items.length === 0 ? <p className="muted">{t('groups.mine.votes.empty')}</p> : null}
            {data.votes.items.length > 0 ? (
              <ul className="record-list">
                {data.votes.items.map((vote) => (
                  <VoteCard key={vote.deliberation_id} group={group} vote={vote} />
                ))}
              </ul>
            ) : null}
          </MineCard>
          <MineCard
            title={t('groups.mine.posts.title')}
            total={data.posts.total}
            shown={data.posts.items.length}
            testId="mine-posts"
            more={<Link to={groupPath(group.id, 'knowledge')}>{t('groups.mine.posts.seeAll')}</Link>}
          >
            {data.posts.items.length === 0 ? <p className="muted">{t('groups.mine.posts.empty')}</p> : null}
            {data.posts.items.length > 0 ? (
              <ul className="record-list">
                {data.posts.items.map((post) => (
                  <PostCard key={post.post_id} group={group} post={post} />
                ))}
              </ul>
            ) : null}
          </MineCard>
        </>
      ) : null}
    </>
  );
}
