import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryStatus } from '../../../components/QueryStatus';
import { SectionCard } from '../../../components/SectionCard';
import type { LearningPaths } from '../../../lib/learning-slot';
import { useCycles } from '../hooks/use-learning';
import type { CycleSummary, GroupMember, GroupView } from '../types/cycles';
import { learningProblemMessage } from '../types/errors';
import type { CycleNotice } from './CyclePage';
import { CyclePlanForm } from './CyclePlanForm';
import { CompletionBar, OriginBadge, StageBadge } from './stages';

function CycleCard({ cycle, paths }: { cycle: CycleSummary; paths: LearningPaths }) {
  const { t } = useTranslation();
  return (
    <li className="record-card" data-testid={`cycle-${cycle.id}`}>
      <h3 className="record-card__title">
        <Link to={paths.cycle(cycle.id)}>{cycle.title}</Link>
      </h3>
      <p className="record-card__badges">
        <StageBadge status={cycle.status} />
        <span className="record-card__count">{t('mentoring.cycles.sessions', { count: cycle.session_count })}</span>
      </p>
      <p className="record-card__line" data-testid={`cycle-${cycle.id}-theme`}>
        {cycle.theme ? t('mentoring.cycles.themeLine', { theme: cycle.theme }) : <span className="muted">{t('mentoring.cycles.noTheme')}</span>}
      </p>
      <p className="record-card__line badges">
        {t('mentoring.cycles.mentorLine', { name: cycle.mentor_name })} <OriginBadge origin={cycle.mentor_origin} />
      </p>
      <CompletionBar completion={cycle.completion} />
    </li>
  );
}

interface CyclesSectionProps {
  group: GroupView;
  /** The group's members, once loaded (the plan's form picks among them). */
  members: readonly GroupMember[] | undefined;
  /** Whether the caller guides the group's learning (the server checks again). */
  canGuide: boolean;
  paths: LearningPaths;
}

/** Siklus belajar: the group's learning cycles, newest first; those who guide plan a new one. */
export function CyclesSection({ group, members, canGuide, paths }: CyclesSectionProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cycles = useCycles(group.id);
  const data = cycles.data;
  return (
    <SectionCard
      title={t('mentoring.cycles.title')}
      count={data ? t('mentoring.cycles.total', { count: data.total }) : null}
      addLabel={t('mentoring.cycles.add')}
      canAdd={canGuide && members !== undefined}
      intro={<p className="muted">{t('mentoring.cycles.intro')}</p>}
      busy={cycles.isFetching}
      testId="cycles"
      form={(close) => (
        <CyclePlanForm
          group={group}
          members={members ?? []}
          original={null}
          onCancel={close}
          onSaved={(cycle) => void navigate(paths.cycle(cycle.id), { state: { learningNotice: 'cycleCreated' } satisfies CycleNotice })}
        />
      )}
    >
      <QueryStatus
        query={cycles}
        problem={(e) => learningProblemMessage(t, e)}
        loading={t('mentoring.cycles.loading')}
        empty={t('mentoring.cycles.empty')}
      />
      {data && data.items.length > 0 ? (
        <ul className="record-list" data-testid="cycle-list">
          {data.items.map((cycle) => (
            <CycleCard key={cycle.id} cycle={cycle} paths={paths} />
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}
