// The figures a survey's charts draw, from the totals the server keeps per question (seed 000's
// Figure 1: how members perceive the mentoring model, each statement a bar split by answer;
// Figure 2: the benefits of membership, the share of members choosing each) and from the coding
// of open answers (how often each code is used, which codes meet in one member's answers).
import {
  questionText,
  SCALE,
  type QuestionSummary,
  type ScaleValue,
  type SurveyCode,
  type SurveyCoding,
  type SurveyTemplate,
} from './index';

/** One statement of a scale: how many chose each answer, and its share of those who answered. */
export interface ScaleRow {
  question_id: number;
  label: string;
  answered: number;
  /** How many chose 1 … 5. */
  counts: Record<ScaleValue, number>;
  /** Each answer's share of those who answered, in per cent (0 when nobody answered): the bar's parts. */
  share: Record<ScaleValue, number>;
  /** The mean answer, null when nobody answered. */
  mean: number | null;
}

/** The keys a stacked bar reads its parts from: "s1" … "s5". */
export type ShareKey = `s${ScaleValue}`;

export function shareKey(value: ScaleValue): ShareKey {
  return `s${value}`;
}

function summaryOf(summary: readonly QuestionSummary[], questionId: number): QuestionSummary | undefined {
  return summary.find((s) => s.question_id === questionId);
}

/** Per cent with one decimal, so that a bar's parts add up to 100 within a rounding. */
function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0;
}

/** The scale statements of a survey, in the template's order, with their totals. */
export function scaleRows(
  template: Pick<SurveyTemplate, 'questions'>,
  summary: readonly QuestionSummary[],
  language: string | undefined,
): ScaleRow[] {
  return template.questions
    .filter((q) => q.kind === 'likert')
    .map((question) => {
      const totals = summaryOf(summary, question.id);
      const answered = totals?.answered ?? 0;
      const counts = {} as Record<ScaleValue, number>;
      const share = {} as Record<ScaleValue, number>;
      for (const value of SCALE) {
        counts[value] = totals?.scale_counts[value - 1] ?? 0;
        share[value] = percent(counts[value], answered);
      }
      return { question_id: question.id, label: questionText(question, language), answered, counts, share, mean: totals?.mean ?? null };
    });
}

/** A scale row as recharts reads it: the label and "s1" … "s5" as shares. */
export function stackedData(rows: readonly ScaleRow[]): (Record<ShareKey, number> & { label: string; question_id: number })[] {
  return rows.map((row) => ({
    question_id: row.question_id,
    label: row.label,
    s1: row.share[1],
    s2: row.share[2],
    s3: row.share[3],
    s4: row.share[4],
    s5: row.share[5],
  }));
}

/** One item of a checklist: how many members chose it, of how many answered it. */
export interface CheckRow {
  question_id: number;
  label: string;
  checked: number;
  answered: number;
  /** Share of the members who answered that chose it, in whole per cent; null when nobody answered. */
  share: number | null;
}

/** The checklist items of a survey, in the template's order. */
export function checkRows(
  template: Pick<SurveyTemplate, 'questions'>,
  summary: readonly QuestionSummary[],
  language: string | undefined,
): CheckRow[] {
  return template.questions
    .filter((q) => q.kind === 'check')
    .map((question) => {
      const totals = summaryOf(summary, question.id);
      const answered = totals?.answered ?? 0;
      const checked = totals?.checked ?? 0;
      return {
        question_id: question.id,
        label: questionText(question, language),
        checked,
        answered,
        share: answered > 0 ? Math.round((checked * 100) / answered) : null,
      };
    });
}

/** One code of the codebook with how many passages and how many members carry it. */
export interface FrequencyRow {
  code_id: number;
  code: string;
  label: string;
  tags: number;
  responses: number;
}

/** The codebook in its order with the frequencies (a code never used counts 0). */
export function frequencyRows(coding: Pick<SurveyCoding, 'codes' | 'frequencies'>): FrequencyRow[] {
  return coding.codes.map((code) => {
    const frequency = coding.frequencies.find((f) => f.code_id === code.id);
    return { code_id: code.id, code: code.code, label: code.label, tags: frequency?.tags ?? 0, responses: frequency?.responses ?? 0 };
  });
}

/**
 * Which codes meet in one member's answers, as a square table over the codes used at least once:
 * `cells[i][j]` members whose answers carry both, the diagonal those whose answers carry the code.
 */
export interface CoOccurrenceMatrix {
  codes: SurveyCode[];
  cells: number[][];
  /** The largest number off the diagonal (0 when no two codes meet): the heat's scale. */
  max: number;
}

export function coOccurrenceMatrix(coding: Pick<SurveyCoding, 'codes' | 'frequencies' | 'co_occurrences'>): CoOccurrenceMatrix {
  const used = frequencyRows(coding).filter((row) => row.responses > 0);
  const codes = coding.codes.filter((code) => used.some((row) => row.code_id === code.id));
  const position = new Map(codes.map((code, i) => [code.id, i]));
  const cells = codes.map((_, i) => codes.map((__, j) => (i === j ? used[i]!.responses : 0)));
  let max = 0;
  for (const pair of coding.co_occurrences) {
    const a = position.get(pair.code_a);
    const b = position.get(pair.code_b);
    if (a === undefined || b === undefined || a === b) continue;
    cells[a]![b] = pair.responses;
    cells[b]![a] = pair.responses;
    max = Math.max(max, pair.responses);
  }
  return { codes, cells, max };
}

/** A cell's heat, 0 (none) to 4 (the most), for the table's shading. */
export function heat(value: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(4, Math.ceil((value * 4) / max))) as 1 | 2 | 3 | 4;
}
