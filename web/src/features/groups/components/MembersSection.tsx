import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField } from '../../../components/CheckField';
import { QueryStatus } from '../../../components/QueryStatus';
import { SectionCard } from '../../../components/SectionCard';
import { formatDay, formatPartialDay, joinDetails } from '../../../lib/format';
import { canWrite, type GroupView, type Member } from '../types';
import { groupProblemMessage } from '../types/errors';
import { useMembers } from '../hooks/use-group-queries';
import { MemberBadges } from './labels';
import { MemberForm } from './MemberForm';

interface MembersSectionProps {
  group: GroupView;
  canSearchPeople: boolean;
}

/** Anggota: who is in the group, with offices, mentors and the local hero; officers add members. */
export function MembersSection({ group, canSearchPeople }: MembersSectionProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const [includeLeft, setIncludeLeft] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const members = useMembers(group.id, includeLeft);
  const writable = canWrite(group, 'members');

  return (
    <SectionCard
      title={t('groups.members.title')}
      count={t('groups.members.count', { count: group.active_members })}
      addLabel={t('groups.members.add')}
      canAdd={writable}
      onAdd={() => setNotice(null)}
      notice={notice}
      busy={members.isFetching}
      form={(close) => (
        <MemberForm
          groupId={group.id}
          canSearchPeople={canSearchPeople}
          onAdded={(member: Member) => {
            close();
            setNotice(t('groups.members.added', { name: member.person.name }));
          }}
          onCancel={close}
        />
      )}
    >

      <CheckField id={`${id}-left`} label={t('groups.members.showLeft')} checked={includeLeft} onChange={setIncludeLeft} />

      <QueryStatus
        query={members}
        problem={(e) => groupProblemMessage(t, e)}
        loading={t('groups.members.loading')}
        empty={t('groups.members.empty')}
      />
      {members.data && members.data.length > 0 ? (
        <ul className="record-list" data-testid="member-list">
          {members.data.map((member) => (
            <li key={member.id} className="record-card" data-testid={`member-${member.id}`}>
              <h3 className="record-card__title">{member.person.name}</h3>
              <p className="record-card__badges">
                <MemberBadges member={member} own={member.id === group.member_id} />
              </p>
              {member.enterprise ? (
                <p className="record-card__line">{t('groups.members.enterprise', { name: member.enterprise.name })}</p>
              ) : null}
              {member.person.birth_year !== null || member.person.occupation ? (
                <p className="record-card__line" data-testid="member-person">
                  {joinDetails([
                    member.person.birth_year !== null ? t('groups.members.born', { year: member.person.birth_year }) : null,
                    member.person.occupation,
                  ])}
                </p>
              ) : null}
              <p className="record-card__line muted">
                {joinDetails([
                  t('groups.members.joined', { date: formatPartialDay(member.joined_on, member.joined_precision, language) }),
                  // Kept as recorded (seed 000's JA joined before the community was founded): said, not hidden.
                  group.founded_on && member.joined_on < group.founded_on
                    ? t('groups.members.beforeFounding', { year: group.founded_on.slice(0, 4) })
                    : null,
                  member.left_on ? t('groups.members.left', { date: formatDay(member.left_on, language) }) : null,
                ])}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}
