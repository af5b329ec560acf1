// The surveys' reads and writes through TanStack Query, keyed by `surveyKeys`: an answer, a new
// code or a tag marks what it changed stale (the survey's totals, its responses, its coding, the
// group's list with its counts), and the page reads them again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addSurveyCode,
  answerSurvey,
  createSurvey,
  getSurvey,
  getSurveyCoding,
  listGroupMembers,
  listSurveyResponses,
  listSurveys,
  listSurveyTemplates,
  tagSurveyAnswer,
  untagSurveyAnswer,
} from '../api/surveys';
import { surveyKeys } from '../api/keys';
import type { CodeInput, ResponseInput, SurveyInput, SurveyView, TagInput } from '../types';

/** A write's body with its submission's Idempotency-Key (useForm keeps it for a retry). */
export interface Submission<Body> {
  body: Body;
  idempotencyKey?: string | undefined;
}

/** The templates change only with the server's release: kept an hour. */
export function useSurveyTemplates(enabled = true) {
  return useQuery({ queryKey: surveyKeys.templates(), queryFn: ({ signal }) => listSurveyTemplates(signal), staleTime: 60 * 60_000, enabled });
}

export function useSurveys(groupId: number) {
  return useQuery({ queryKey: surveyKeys.list(groupId), queryFn: ({ signal }) => listSurveys(groupId, signal) });
}

export function useSurvey(id: number) {
  return useQuery({ queryKey: surveyKeys.survey(id), queryFn: ({ signal }) => getSurvey(id, signal) });
}

export function useSurveyResponses(id: number, enabled = true) {
  return useQuery({ queryKey: surveyKeys.responses(id), queryFn: ({ signal }) => listSurveyResponses(id, signal), enabled });
}

export function useSurveyCoding(id: number, enabled = true) {
  return useQuery({ queryKey: surveyKeys.coding(id), queryFn: ({ signal }) => getSurveyCoding(id, signal), enabled });
}

/** The group's members, those who left included. */
export function useGroupMembers(groupId: number) {
  return useQuery({ queryKey: surveyKeys.members(groupId), queryFn: ({ signal }) => listGroupMembers(groupId, signal) });
}

/** Opens a survey: the answer is the survey's page, kept at once; the group's list is read again. */
export function useCreateSurvey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<SurveyInput>) => createSurvey(body, idempotencyKey),
    onSuccess: (saved: SurveyView) => {
      client.setQueryData(surveyKeys.survey(saved.id), saved);
      void client.invalidateQueries({ queryKey: surveyKeys.list(saved.group_id) });
    },
  });
}

/** An answer changes the survey's totals, its responses, its coding's answers and the group's counts. */
export function useAnswerSurvey(id: number, groupId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<ResponseInput>) => answerSurvey(id, body, idempotencyKey),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: surveyKeys.survey(id) });
      void client.invalidateQueries({ queryKey: surveyKeys.list(groupId) });
    },
  });
}

/** A new code joins the codebook (the survey's page and its coding). */
export function useAddCode(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<CodeInput>) => addSurveyCode(id, body, idempotencyKey),
    onSuccess: () => void client.invalidateQueries({ queryKey: surveyKeys.survey(id) }),
  });
}

/** A tag changes the coding: its tags, frequencies and co-occurrences. */
export function useTagAnswer(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<TagInput>) => tagSurveyAnswer(id, body, idempotencyKey),
    onSuccess: () => void client.invalidateQueries({ queryKey: surveyKeys.coding(id) }),
  });
}

export function useUntagAnswer(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tagId: number) => untagSurveyAnswer(id, tagId),
    onSuccess: () => void client.invalidateQueries({ queryKey: surveyKeys.coding(id) }),
  });
}
