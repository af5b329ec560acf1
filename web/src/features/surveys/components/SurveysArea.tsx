import { useSurveysTexts } from '../../../lib/i18n/surveys';
import type { SurveyGroup } from '../types';
import { CodingPage } from './CodingPage';
import { SurveyPage } from './SurveyPage';
import { SurveysList } from './SurveysList';
import './surveys.css';

export interface SurveysAreaProps {
  group: SurveyGroup;
  /** The survey open, or null for the group's list. */
  surveyId: number | null;
  /** The survey's coding of open answers rather than its page. */
  coding: boolean;
}

/**
 * A group's surveys, in its learning tab (seed 000's questionnaires): the list, one survey (answering it,
 * her answers, the charts), or the coding of its open answers.
 */
export function SurveysArea({ group, surveyId, coding }: SurveysAreaProps) {
  // The surveys' texts travel in the learning tab's chunk: they join the app's before anything here translates.
  useSurveysTexts();
  if (surveyId !== null && coding) return <CodingPage key={surveyId} group={group} surveyId={surveyId} />;
  if (surveyId !== null) return <SurveyPage key={surveyId} group={group} surveyId={surveyId} />;
  return <SurveysList group={group} />;
}
