import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { useProgrammesTexts } from '../../../lib/i18n/programmes';
import type { RegionPickerSlot } from '../../../lib/places';
import type { User } from '../../../lib/user';
import { isProgrammeTab } from '../types';
import { LoanPage } from './LoanPage';
import { MySelectionsPage } from './MySelectionsPage';
import { ProgrammeFormPage } from './ProgrammeForm';
import { ProgrammeListPage } from './ProgrammeListPage';
import { ProgrammePage } from './ProgrammePage';

export type ProgrammesView = 'list' | 'new' | 'edit' | 'programme' | 'loan' | 'selections';

interface ProgrammesPagesProps {
  view: ProgrammesView;
  user: User;
  RegionPicker: RegionPickerSlot;
}

/** The programmes pages, one chunk for all (and their texts with them). */
export function ProgrammesPages({ view, user, RegionPicker }: ProgrammesPagesProps) {
  useProgrammesTexts();
  const { t } = useTranslation();
  const params = useParams();
  const id = params.id !== undefined && /^\d+$/.test(params.id) ? Number(params.id) : null;
  if (view === 'list') return <ProgrammeListPage role={user.role} />;
  if (view === 'selections') return <MySelectionsPage />;
  if (view === 'new') return <ProgrammeFormPage user={user} id={null} RegionPicker={RegionPicker} />;
  if (id === null) return <Alert tone="error">{t('errors.notFound')}</Alert>;
  if (view === 'edit') return <ProgrammeFormPage key={id} user={user} id={id} RegionPicker={RegionPicker} />;
  if (view === 'loan') return <LoanPage key={id} id={id} />;
  const tab = params.tab ?? 'overview';
  if (!isProgrammeTab(tab)) return <Alert tone="error">{t('errors.notFound')}</Alert>;
  return <ProgrammePage key={id} id={id} tab={tab} user={user} RegionPicker={RegionPicker} />;
}
