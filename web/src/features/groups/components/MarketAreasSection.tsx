import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FormCard } from '../../../components/FormCard';
import { SectionCard } from '../../../components/SectionCard';
import { Badge } from '../../../components/Badge';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { formatDay, todayIso } from '../../../lib/format';
import { NO_ERRORS } from '../../../lib/use-form-errors';
import { type BoundField, useForm } from '../../../lib/use-form';
import { useClaimArea, useEndArea } from '../hooks/use-group-mutations';
import { useAreas, useDeliberations, useMembers } from '../hooks/use-group-queries';
import { canWrite, type Deliberation, type GroupView } from '../types';
import {
  agreedOn,
  agreementsOf,
  areasByMember,
  emptyClaimDraft,
  holderOf,
  isClaimedByOther,
  MAX_AREA,
  overlapOfClaim,
  validateClaim,
  type AreaOverlap,
  type ClaimDraft,
  type AreaInput,
  type MarketArea,
} from '../types/cooperation';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import { deliberationPath, groupPath } from '../types/paths';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { QueryStatus } from '../../../components/QueryStatus';

interface ClaimFormProps {
  group: GroupView;
  areas: readonly MarketArea[];
  agreed: readonly Deliberation[];
  onSaved: (area: MarketArea) => void;
  onCancel: () => void;
}

/**
 * A member's claim on a village or market. When another member holds it already the server refuses
 * (409): the form then says why and offers the agreed deliberations that allow sharing it.
 */
function ClaimForm({ group, areas, agreed, onSaved, onCancel }: ClaimFormProps) {
  const { t } = useTranslation();
  const claim = useClaimArea(group.id);
  const today = todayIso();
  const members = useMembers(group.id, false);
  const [taken, setTaken] = useState<{ area: string; holder: string | null } | null>(null);
  const form = useForm({
    initial: () => emptyClaimDraft(today),
    validate: (draft: ClaimDraft) => validateClaim(draft, todayIso()),
    send: (body: AreaInput, idempotencyKey) => claim.mutateAsync({ body, idempotencyKey }),
    // An area another member holds is no field's error: the form explains it and offers the agreements.
    readErrors: (error, input) => {
      if (!isClaimedByOther(error)) return readGroupErrors(t, error, ['member_id', 'area', 'claimed_on', 'deliberation_id'], 'markets');
      const holder = holderOf(input.area, input.member_id, areas);
      setTaken({ area: holder?.area ?? input.area, holder: holder?.member.name ?? null });
      return NO_ERRORS;
    },
    onSaved,
  });
  const { draft, field, errorsFor } = form;
  // Another area or member is another question: the explanation no longer applies.
  const askAgain = (name: 'area' | 'member_id'): BoundField => {
    const bound = field(name);
    return {
      ...bound,
      onChange: (event) => {
        bound.onChange(event);
        setTaken(null);
      },
    };
  };

  const active = members.data ?? [];
  return (
    <FormCard
      title={t('groups.markets.form.title')}
      form={form}
      labels={{
        submit: taken ? t('groups.markets.form.submitShared') : t('groups.markets.form.submit'),
        saving: t('groups.markets.form.submitting'),
        cancel: t('groups.markets.form.cancel'),
      }}
      canSubmit={taken === null || (agreed.length > 0 && draft.deliberation_id !== '')}
      onCancel={onCancel}
      testId="claim-form"
    >
      <SelectField
        label={t('common.required', { label: t('groups.markets.form.member') })}
        emptyLabel={t('groups.markets.form.chooseMember')}
        options={active.map((member) => ({ value: String(member.id), label: member.person.name }))}
        {...askAgain('member_id')}
      />
      <FormField
        label={t('common.required', { label: t('groups.markets.form.area') })}
        hint={t('groups.markets.form.areaHint')}
        maxLength={MAX_AREA}
        autoComplete="off"
        {...askAgain('area')}
      />
      <FormField
        label={t('groups.markets.form.claimedOn')}
        type="date"
        max={today}
        {...field('claimed_on')}
      />
      {taken ? (
        <div className="taken" role="alert" data-testid="claimed-by-other">
          <p className="taken__why">
            {taken.holder
              ? t('groups.markets.taken.byMember', { area: taken.area, name: taken.holder })
              : t('groups.markets.taken.byOther', { area: taken.area })}
          </p>
          <p>{t('groups.markets.taken.rule')}</p>
          {agreed.length > 0 ? (
            <SelectField
              label={t('groups.markets.taken.pick')}
              emptyLabel={t('groups.markets.taken.choose')}
              options={agreed.map((d) => ({ value: String(d.id), label: d.title }))}
              {...field('deliberation_id')}
            />
          ) : (
            <p>
              {t('groups.markets.taken.none')}{' '}
              <Link to={groupPath(group.id, 'deliberations')}>{t('groups.markets.taken.propose')}</Link>
            </p>
          )}
        </div>
      ) : errorsFor('deliberation_id').length > 0 ? (
        <Alert tone="error">{errorsFor('deliberation_id').join(' ')}</Alert>
      ) : null}
    </FormCard>
  );
}

interface ClaimItemProps {
  group: GroupView;
  claim: MarketArea;
  overlap: AreaOverlap | null;
  /** Every claim listed, for the agreement of an overlap. */
  areas: readonly MarketArea[];
  names: ReadonlyMap<number, string>;
  deliberationTitles: ReadonlyMap<number, string>;
  writable: boolean;
  onEnded: (area: MarketArea) => void;
}

function ClaimItem({ group, claim, overlap, areas, names, deliberationTitles, writable, onEnded }: ClaimItemProps) {
  const { t, i18n } = useTranslation();
  const end = useEndArea(group.id);
  const language = i18n.resolvedLanguage;
  const agreements = overlap ? agreementsOf(overlap, areas) : claim.deliberation_id !== null ? [claim.deliberation_id] : [];
  const others = overlap ? overlap.member_ids.filter((m) => m !== claim.member.id).map((m) => names.get(m) ?? `#${m}`) : [];
  return (
    <li className={overlap ? 'claim claim--shared' : 'claim'} data-testid={`claim-${claim.id}`}>
      <p className="claim__area">
        <span>{claim.area}</span>
        {overlap ? <Badge tone="warning">{t('groups.markets.shared')}</Badge> : null}
        {claim.ended_on ? <Badge tone="neutral">{t('groups.markets.ended', { date: formatDay(claim.ended_on, language) })}</Badge> : null}
      </p>
      {overlap ? <p className="claim__line">{t('groups.markets.sharedWith', { names: others.join(', ') })}</p> : null}
      {agreements.map((deliberationId) => (
        <p key={deliberationId} className="claim__line">
          {t('groups.markets.agreedIn')}{' '}
          <Link to={deliberationPath(group.id, deliberationId)}>
            {deliberationTitles.get(deliberationId) ?? t('groups.markets.deliberationNumber', { id: deliberationId })}
          </Link>
        </p>
      ))}
      <p className="claim__line muted">{t('groups.markets.since', { date: formatDay(claim.claimed_on, language) })}</p>
      {writable && claim.ended_on === null ? (
        <ConfirmAction
          label={t('groups.markets.end.button')}
          accessibleLabel={t('groups.markets.end.buttonLabel', { area: claim.area, name: claim.member.name })}
          question={t('groups.markets.end.question', { area: claim.area, name: claim.member.name })}
          confirmLabel={t('groups.markets.end.confirm')}
          testId={`end-${claim.id}`}
          describeError={(error) => readGroupErrors(t, error, [], 'markets').general.join(' ')}
          onConfirm={async () => onEnded(await end.mutateAsync(claim.id))}
        />
      ) : null}
    </li>
  );
}

/** Wilayah pasar: each member's villages and markets; areas two members share are marked with the agreement that allows it. */
export function MarketAreasSection({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [includeEnded, setIncludeEnded] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const areas = useAreas(group.id, includeEnded);
  const deliberations = useDeliberations(group.id, 200, 0);
  const writable = canWrite(group, 'market_areas');
  const data = areas.data;
  const agreed = agreedOn(deliberations.data?.items ?? [], 'market_areas');
  const titles = new Map((deliberations.data?.items ?? []).map((d) => [d.id, d.title]));
  const names = new Map((data?.items ?? []).map((claim) => [claim.member.id, claim.member.name]));

  return (
    <SectionCard
      title={t('groups.markets.title')}
      addLabel={t('groups.markets.add')}
      canAdd={writable}
      onAdd={() => setNotice(null)}
      intro={<p className="muted">{t('groups.markets.intro')}</p>}
      notice={notice}
      busy={areas.isFetching}
      testId="markets"
      form={(close) => (
        <ClaimForm
          group={group}
          areas={data?.items ?? []}
          agreed={agreed}
          onCancel={close}
          onSaved={(area) => {
            close();
            setNotice(t('groups.markets.saved', { area: area.area, name: area.member.name }));
          }}
        />
      )}
    >
      <label className="choice">
        <input type="checkbox" checked={includeEnded} onChange={(e) => setIncludeEnded(e.target.checked)} />
        <span>{t('groups.markets.showEnded')}</span>
      </label>
      <QueryStatus query={areas} problem={(e) => groupProblemMessage(t, e)} loading={t('groups.markets.loading')} />
      {data && data.overlaps.length > 0 ? (
        <Alert tone="info" testId="overlaps">
          {t('groups.markets.overlaps', { count: data.overlaps.length })}{' '}
          {data.overlaps.map((overlap) => overlap.area).join(', ')}
        </Alert>
      ) : null}
      {data && data.items.length === 0 ? <p>{t('groups.markets.empty')}</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="record-list" data-testid="claims-by-member">
          {areasByMember(data.items).map(({ member, claims }) => (
            <li key={member.id} className="record-card" data-testid={`member-areas-${member.id}`}>
              <h3 className="record-card__title">{member.name}</h3>
              <ul className="claims">
                {claims.map((claim) => (
                  <ClaimItem
                    key={claim.id}
                    group={group}
                    claim={claim}
                    overlap={claim.ended_on === null ? overlapOfClaim(claim.id, data.overlaps) : null}
                    areas={data.items}
                    names={names}
                    deliberationTitles={titles}
                    writable={writable}
                    onEnded={(area) => {
                      setNotice(t('groups.markets.endedNotice', { area: area.area, name: area.member.name }));
                    }}
                  />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}
