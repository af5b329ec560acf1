// The group workspace's learning tab (Belajar) as the app composes it: the mentoring feature's
// cycles and mentorships, and the group's surveys (seed 000's questionnaires, their charts, the
// coding of open answers), a feature of their own. A survey or its coding opens in the tab from
// its address (`?survey=5`, `&view=coding`). The whole tab loads when first opened
// (MentoringPages), so the workspace's first visit carries nothing of it.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { LearningSection } from '../../features/mentoring/components/LearningSection';
import { SurveysArea } from '../../features/surveys/components/SurveysArea';
import { surveyAddress } from '../../features/surveys/types/paths';
import type { LearningSlotProps } from '../../lib/learning-slot';

export function LearningTab(props: LearningSlotProps) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const address = props.cycleId === null ? surveyAddress(search) : null;
  if (address === 'invalid') return <Alert tone="error">{t('errors.notFound')}</Alert>;
  if (address !== null) return <SurveysArea key={address.surveyId} group={props.group} surveyId={address.surveyId} coding={address.coding} />;
  return (
    <>
      <LearningSection {...props} />
      {props.cycleId === null ? <SurveysArea group={props.group} surveyId={null} coding={false} /> : null}
    </>
  );
}
