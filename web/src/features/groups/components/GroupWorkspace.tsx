import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { BackLink } from '../../../components/BackLink';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useGroup } from '../hooks/use-group-queries';
import { canWrite, type GroupView } from '../types';
import { groupProblemMessage } from '../types/errors';
import { groupPath, GROUPS_PATH, idParam, SECTIONS, type Section, type WorkspaceNotice } from '../types/paths';
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
const DeliberationPage = lazy(() => import('./DeliberationPage').then((m) => ({ default: m.DeliberationPage })));

/**
 * The sections a caller gets a tab for: the settings only for those who change the group's
 * profile, and while they are open (a group just dissolved there takes no more writes).
 */
export function tabsFor(group: Pick<GroupView, 'writes'>, open: Section): Section[] {
  return SECTIONS.filter((tab) => tab !== 'settings' || open === 'settings' || canWrite(group, 'profile'));
}

export interface GroupWorkspaceProps {
  section: Section;
  /** Officers and facilitators may pick a new member from the registry; group roles cannot read it. */
  canSearchPeople: boolean;
  /** Whether "all groups" leads anywhere useful (a group's own accounts see only their group). */
  showAllGroups: boolean;
}

/** One group's workspace: a header, the sections as tabs, and the section (or meeting, proposal) open. */
export function GroupWorkspace({ section, canSearchPeople, showAllGroups }: GroupWorkspaceProps) {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const location = useLocation();
  const groupId = idParam(params.id);
  const meetingId = idParam(params.meetingId);
  const deliberationId = idParam(params.deliberationId);
  const orderId = idParam(params.orderId);
  const tabsRef = useRef<HTMLElement>(null);
  const resource = useGroup(groupId);
  const group = resource.data ?? null;
  useDocumentTitle(group?.name ?? t('groups.title'));
  const notice = (location.state as WorkspaceNotice | null)?.notice;
  const loaded = group !== null;

  // Ten tabs do not fit a phone's width: the row scrolls sideways, and the open tab is brought
  // into view when the page opens on it.
  useEffect(() => {
    const open = tabsRef.current?.querySelector<HTMLElement>('.tabs__tab.active');
    if (open && typeof open.scrollIntoView === 'function') open.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [section, loaded]);

  const back = showAllGroups ? <BackLink to={GROUPS_PATH}>{t('groups.workspace.back')}</BackLink> : null;

  if (
    groupId === null ||
    (params.meetingId !== undefined && meetingId === null) || (params.deliberationId !== undefined && deliberationId === null) ||
    (params.orderId !== undefined && orderId === null)
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
      <nav className="tabs" aria-label={t('groups.workspace.tabsLabel')} ref={tabsRef}>
        {tabsFor(group, section).map((tab) => (
          <NavLink key={tab} end={tab === 'summary'} to={groupPath(group.id, tab)} className="tabs__tab">
            {t(`groups.workspace.tabs.${tab}`)}
          </NavLink>
        ))}
      </nav>
      {section === 'summary' ? <SummarySection group={group} /> : null}
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
