// Words and badges for the group workspace's codes, shared by its pages.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import type { Place } from '../../../lib/places';
import { isSectorCode, type GroupStatus, type MeetingStatus, type Member, type RegionComplianceRow } from '../types';
import { bandOf } from '../types/region-compliance';

export function sectorLabel(t: TFunction, code: string): string {
  return isSectorCode(code) ? t(`sectors.${code}`) : code;
}

/** "Banjarsari, Ngajum, Kabupaten Malang": the village and the two levels above it, short enough for a phone. */
export function shortPlace(place: Pick<Place, 'name' | 'path'> | null, fallback: string): string {
  if (!place) return fallback;
  const names = place.path.length > 0 ? place.path.map((p) => p.name) : [place.name];
  return [...names].reverse().slice(0, 3).join(', ');
}

const STATUS_TONES = {
  embryo: 'info',
  active: 'success',
  inactive: 'warning',
  dissolved: 'neutral',
} as const satisfies Record<GroupStatus, string>;

export function GroupStatusBadge({ status }: { status: GroupStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={STATUS_TONES[status]} testId="group-status">
      {t(`groups.statuses.${status}`)}
    </Badge>
  );
}

/** A group's compliance in a period as "67%", coloured by its band: met green, partial amber, low orange, none red. */
export function ComplianceBadge({ row }: { row: Pick<RegionComplianceRow, 'held' | 'required' | 'percent'> }) {
  const band = bandOf(row);
  return (
    <span className={`badge badge--band-${band}`} data-band={band} data-testid="compliance-badge">
      {`${row.percent}%`}
    </span>
  );
}

const MEETING_TONES = {
  planned: 'info',
  held: 'success',
  cancelled: 'neutral',
} as const satisfies Record<MeetingStatus, string>;

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <Badge tone={MEETING_TONES[status]}>{t(`groups.meetings.statuses.${status}`)}</Badge>;
}

/** Office, mentor, local hero (and "you", "has left"): what a member is in the group at a glance. */
export function MemberBadges({ member, own }: { member: Member; own: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="badges" data-testid={`member-badges-${member.id}`}>
      <Badge tone={member.role === 'member' ? 'neutral' : 'info'}>{t(`groups.roles.${member.role}`)}</Badge>
      {member.mentor ? <Badge tone="success">{t('groups.badges.mentor')}</Badge> : null}
      {member.local_hero ? <Badge tone="warning">{t('groups.badges.localHero')}</Badge> : null}
      {own ? <Badge tone="info">{t('groups.badges.you')}</Badge> : null}
      {!member.active ? <Badge tone="neutral">{t('groups.badges.left')}</Badge> : null}
    </span>
  );
}
