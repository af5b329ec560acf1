import { type ComponentType, lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { BackLink } from '../../../components/BackLink';
import type { LearningPaths, LearningSlot } from '../../../lib/learning-slot';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useGroup } from '../hooks/use-group-queries';
import { canWrite, type GroupView } from '../types';
import { groupProblemMessage } from '../types/errors';
import {
  cyclePath,
  deliberationPath,
  groupPath,
  GROUPS_PATH,
  idParam,
  meetingPath,
  SECTIONS,
  type Section,
  type WorkspaceNotice,
} from '../types/paths';
import { ComplianceSection } from './ComplianceSection';
import { DeliberationsSection } from './DeliberationsSection';
import { GroupStatusBadge, shortPlace } from './labels';
import { MarketAreasSection } from './MarketAreasSection';
import { MaterialsSection } from './MaterialsSection';
import { MeetingPage } from './MeetingPage';
import { MeetingsSection } from './MeetingsSection';
import { MembersSection } from './MembersSection';
import { OrderPage } from './OrderPage';
import { OrdersSection } from './OrdersSection';
import { PostsSection } from './PostsSection';
import { SettingsSection } from './SettingsSection';
import { SummarySection } from './SummarySection';
import { TreasurySection } from './TreasurySection';

// A proposal's page (the vote sheet, a member's own vote, deciding) loads when a proposal is
// opened: a first visit to the workspace does not carry it.
// A member's own records, in a chunk of their own: most first visits are not to them.
const MineSection = lazy(() => import('./MineSection').then((m) => ({ default: m.MineSection })));
const DeliberationPage = lazy(() => import('./DeliberationPage').then((m) => ({ default: m.DeliberationPage })));

/**
 * The sections a caller gets a tab for: her own records ("mine") only for one who acts as a member;
 * the settings only for those who change the group's profile, and while they are open (a group
 * just dissolved there takes no more writes); learning when the app gave the workspace that tab.
 */
export function tabsFor(group: Pick<GroupView, 'writes' | 'member_id'>, open: Section, learning = true): Section[] {
  return SECTIONS.filter(
    (tab) =>
      (tab !== 'settings' || open === 'settings' || canWrite(group, 'profile')) &&
      (tab !== 'mine' || open === 'mine' || (group.member_id ?? null) !== null) &&
      (tab !== 'learning' || learning),
  );
}

/** Where the learning tab links to in this group's workspace. */
function learningPaths(groupId: number): LearningPaths {
  return {
    learning: groupPath(groupId, 'learning'),
    cycle: (cycleId) => cyclePath(groupId, cycleId),
    deliberation: (deliberationId) => deliberationPath(groupId, deliberationId),
    meeting: (meetingId) => meetingPath(groupId, meetingId),
  };
}

interface Edges {
  /** Tabs hidden past the left edge. */
  before: boolean;
  /** Tabs hidden past the right edge. */
  after: boolean;
}

/**
 * The sections as a row of tabs. On a phone the row is wider than the screen: it scrolls
 * sideways, an arrow over a fade at either edge shows that more tabs lie that way (and scrolls
 * to them), and the open tab is brought to the middle of the row.
 */
function WorkspaceTabs({ group, section, learning }: { group: GroupView; section: Section; learning: boolean }) {
  const { t } = useTranslation();
  const rowRef = useRef<HTMLElement>(null);
  const [edges, setEdges] = useState<Edges>({ before: false, after: false });

  const measure = useCallback(() => {
    const row = rowRef.current;
    if (!row) return;
    const before = row.scrollLeft > 1;
    const after = row.scrollLeft + row.clientWidth < row.scrollWidth - 1;
    setEdges((current) => (current.before === before && current.after === after ? current : { before, after }));
  }, []);

  useEffect(() => {
    const row = rowRef.current;
    if (!row) return undefined;
    measure();
    row.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(row);
    return () => {
      row.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
  }, [measure]);

  // The open tab in the middle of the row, clear of the arrows, without scrolling the page.
  useEffect(() => {
    const row = rowRef.current;
    const open = row?.querySelector<HTMLElement>('.tabs__tab.active');
    if (!row || !open) return;
    row.scrollLeft = Math.max(0, open.offsetLeft - row.offsetLeft - (row.clientWidth - open.offsetWidth) / 2);
    measure();
  }, [section, measure]);

  // An arrow brings the tab it half hides fully into view, just clear of the other arrow.
  const scroll = (direction: 1 | -1) => {
    const row = rowRef.current;
    if (!row) return;
    const arrow = row.parentElement?.querySelector<HTMLElement>('.tabs__more')?.offsetWidth || 48;
    const tabs = [...row.querySelectorAll<HTMLElement>('.tabs__tab')];
    const start = (tab: HTMLElement) => tab.offsetLeft - row.offsetLeft;
    const { scrollLeft: left, clientWidth: width } = row;
    let target: number;
    if (direction === 1) {
      const next = tabs.find((tab) => start(tab) + tab.offsetWidth > left + width - arrow);
      target = next ? start(next) - arrow : left + width;
    } else {
      const previous = [...tabs].reverse().find((tab) => left + arrow > start(tab));
      target = previous ? start(previous) + previous.offsetWidth - width + arrow : 0;
    }
    target = Math.max(0, target);
    if (typeof row.scrollTo === 'function') row.scrollTo({ left: target, behavior: 'smooth' });
    else row.scrollLeft = target;
  };

  const frame = ['tabs-frame', edges.before ? 'tabs-frame--before' : '', edges.after ? 'tabs-frame--after' : ''].filter(Boolean).join(' ');
  return (
    <div className={frame} data-testid="workspace-tabs">
      <nav className="tabs" aria-label={t('groups.workspace.tabsLabel')} ref={rowRef}>
        {tabsFor(group, section, learning).map((tab) => (
          <NavLink key={tab} end={tab === 'summary'} to={groupPath(group.id, tab)} className="tabs__tab">
            {t(`groups.workspace.tabs.${tab}`)}
          </NavLink>
        ))}
      </nav>
      {/* The arrows repeat what scrolling does; keyboard users reach every tab by Tab. */}
      {edges.before ? (
        <button type="button" className="tabs__more tabs__more--before" tabIndex={-1} aria-label={t('groups.workspace.tabsBefore')} onClick={() => scroll(-1)}>
          <span aria-hidden="true">‹</span>
        </button>
      ) : null}
      {edges.after ? (
        <button type="button" className="tabs__more tabs__more--after" tabIndex={-1} aria-label={t('groups.workspace.tabsAfter')} onClick={() => scroll(1)}>
          <span aria-hidden="true">›</span>
        </button>
      ) : null}
    </div>
  );
}

/**
 * What the help tab is given: the group, and the request open (or a new one being reported). The
 * help requests are the mentoring feature's; the app hands their section to the workspace.
 */
export interface HelpSectionProps {
  group: GroupView;
  requestId: number | null;
  creating: boolean;
}

export interface GroupWorkspaceProps {
  section: Section;
  /** The help tab's content (mentoring's help requests), given by the app; without it the tab says nothing. */
  HelpSection?: ComponentType<HelpSectionProps> | undefined;
  /** Officers and facilitators may pick a new member from the registry; group roles cannot read it. */
  canSearchPeople: boolean;
  /** Whether "all groups" leads anywhere useful (a group's own accounts see only their group). */
  showAllGroups: boolean;
  /**
   * The learning tab (the mentoring feature's cycles and mentorships), given by the app: this
   * feature does not import that one. Without it the workspace has no such tab.
   */
  LearningSection?: LearningSlot | undefined;
}

/** One group's workspace: a header, the sections as tabs, and the section (or meeting, proposal) open. */
export function GroupWorkspace({ section, canSearchPeople, showAllGroups, LearningSection, HelpSection }: GroupWorkspaceProps) {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const location = useLocation();
  const groupId = idParam(params.id);
  const meetingId = idParam(params.meetingId);
  const deliberationId = idParam(params.deliberationId);
  const orderId = idParam(params.orderId);
  const cycleId = idParam(params.cycleId);
  const creatingHelp = params.requestId === 'new';
  const requestId = creatingHelp ? null : idParam(params.requestId);
  const resource = useGroup(groupId);
  const group = resource.data ?? null;
  useDocumentTitle(group?.name ?? t('groups.title'));
  const notice = (location.state as WorkspaceNotice | null)?.notice;

  const back = showAllGroups ? <BackLink to={GROUPS_PATH}>{t('groups.workspace.back')}</BackLink> : null;

  if (
    groupId === null ||
    (params.meetingId !== undefined && meetingId === null) || (params.deliberationId !== undefined && deliberationId === null) ||
    (params.orderId !== undefined && orderId === null) || (params.cycleId !== undefined && cycleId === null) ||
    (section === 'learning' && !LearningSection) ||
    (params.requestId !== undefined && requestId === null && !creatingHelp)
  ) {
    return (
      <>
        {back}
        <h1 tabIndex={-1}>{t('groups.title')}</h1>
        <Alert tone="error">{t('errors.notFound')}</Alert>
      </>
    );
  }
  if (!group) {
    return (
      <>
        {back}
        <h1 tabIndex={-1}>{t('groups.title')}</h1>
        {resource.isError ? (
          <Alert tone="error">{groupProblemMessage(t, resource.error)}</Alert>
        ) : (
          <p role="status">{t('groups.workspace.loading')}</p>
        )}
      </>
    );
  }

  return (
    <>
      {back}
      <div className="page-head">
        <h1 tabIndex={-1}>{group.name}</h1>
        <GroupStatusBadge status={group.status} />
      </div>
      <p className="muted group-head__line">
        {[t(`groups.kinds.${group.kind}`), shortPlace(group.village, group.village_code)].join(' · ')}
      </p>
      {notice === 'groupCreated' && section === 'summary' ? <Alert tone="success">{t('groups.form.created')}</Alert> : null}
      {group.status === 'dissolved' ? <Alert tone="info">{t('groups.workspace.dissolved')}</Alert> : null}
      <WorkspaceTabs group={group} section={section} learning={LearningSection !== undefined} />
      {section === 'summary' ? <SummarySection group={group} /> : null}
      {section === 'mine' ? (
        <Suspense fallback={<p role="status">{t('groups.mine.loading')}</p>}>
          <MineSection group={group} />
        </Suspense>
      ) : null}
      {section === 'help' && HelpSection ? <HelpSection group={group} requestId={requestId} creating={creatingHelp} /> : null}
      {section === 'members' ? (
        <MembersSection group={group} canSearchPeople={canSearchPeople} />
      ) : null}
      {section === 'meetings' && meetingId === null ? <MeetingsSection group={group} /> : null}
      {section === 'meetings' && meetingId !== null ? (
        <MeetingPage key={meetingId} group={group} meetingId={meetingId} created={notice === 'meetingCreated'} />
      ) : null}
      {section === 'deliberations' && deliberationId === null ? <DeliberationsSection group={group} /> : null}
      {section === 'deliberations' && deliberationId !== null ? (
        <Suspense fallback={<p role="status">{t('groups.deliberation.loading')}</p>}>
          <DeliberationPage
            key={deliberationId}
            group={group}
            deliberationId={deliberationId}
            created={notice === 'deliberationCreated'}
          />
        </Suspense>
      ) : null}
      {section === 'learning' && LearningSection ? (
        <Suspense fallback={<p role="status">{t('groups.workspace.loadingLearning')}</p>}>
          <LearningSection group={group} cycleId={cycleId} paths={learningPaths(group.id)} />
        </Suspense>
      ) : null}
      {section === 'treasury' ? <TreasurySection group={group} /> : null}
      {section === 'markets' ? <MarketAreasSection group={group} /> : null}
      {section === 'orders' && orderId === null ? <OrdersSection group={group} /> : null}
      {section === 'orders' && orderId !== null ? (
        <OrderPage key={orderId} group={group} orderId={orderId} created={notice === 'orderCreated'} />
      ) : null}
      {section === 'materials' ? <MaterialsSection group={group} /> : null}
      {section === 'knowledge' ? <PostsSection group={group} /> : null}
      {section === 'compliance' ? <ComplianceSection group={group} language={i18n.resolvedLanguage} /> : null}
      {section === 'settings' ? <SettingsSection group={group} /> : null}
    </>
  );
}
