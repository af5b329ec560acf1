// Sample records of the surveys tab for its tests: seed 000's perception scale, benefits checklist
// and open questions, as GET /surveys/{id} answers them for the batik group of test/groups.ts.
import type { SurveyCoding, SurveyQuestion, SurveyResponse, SurveyTemplate, SurveyView } from '../features/surveys/types';

function question(id: number, position: number, code: string, kind: SurveyQuestion['kind'], text: string, text_en: string): SurveyQuestion {
  return { id, position, code, kind, text, text_en };
}

export const PERCEPTION: SurveyTemplate = {
  id: 2,
  code: 'seed000.perception',
  name: 'Persepsi model pendampingan',
  name_en: 'Perception of the mentoring model',
  description: 'Seberapa setuju anggota dengan cara mentor mendampingi.',
  questions: [
    question(7, 1, 'contoh', 'likert', 'Mentor memberi contoh, lalu kami mempraktikkan', 'The mentor gives an example and we follow it'),
    question(8, 2, 'bebas_bertanya', 'likert', 'Saya bebas bertanya kapan saja', 'I am free to ask at any time'),
  ],
};

export const BENEFITS: SurveyTemplate = {
  id: 3,
  code: 'seed000.benefits',
  name: 'Manfaat menjadi anggota',
  name_en: 'Benefits of membership',
  description: 'Manfaat yang dirasakan sejak bergabung.',
  questions: [
    question(12, 1, 'kompetensi', 'check', 'Keterampilan meningkat', 'Competence increased'),
    question(13, 2, 'pendapatan', 'check', 'Pendapatan bulanan naik', 'Monthly income rose'),
  ],
};

export const OPEN: SurveyTemplate = {
  id: 1,
  code: 'seed000.open',
  name: 'Enam pertanyaan terbuka',
  name_en: 'Six open questions',
  description: 'Pertanyaan diskusi kelompok terarah.',
  questions: [
    question(3, 3, 'manfaat', 'open', 'Manfaat apa yang Anda dapat setelah bergabung?', 'What benefits do you get after joining?'),
    question(5, 5, 'nilai', 'open', 'Nilai apa yang Anda rasakan selama bergabung?', 'What values did you feel while in the community?'),
  ],
};

export const CODES = [
  { id: 1, code: 'kerja_sama', label: 'Kerja sama' },
  { id: 2, code: 'saling_membantu', label: 'Saling membantu' },
  { id: 3, code: 'persahabatan', label: 'Persahabatan' },
];

export function surveyView(template: SurveyTemplate, overrides: Partial<SurveyView> = {}): SurveyView {
  return {
    id: 5,
    group_id: 1,
    template_id: template.id,
    template_code: template.code,
    title: template.name,
    opened_on: '2026-11-02',
    responses: 0,
    created_at: '2026-11-02T01:00:00Z',
    template,
    summary: template.questions.map((q) => ({
      question_id: q.id,
      answered: 0,
      scale_counts: q.kind === 'likert' ? [0, 0, 0, 0, 0] : [],
      mean: null,
      checked: 0,
    })),
    codes: template.code === 'seed000.open' ? CODES : [],
    own_response_id: null,
    can_guide: false,
    ...overrides,
  };
}

export function response(id: number, memberId: number, member: string, answers: Partial<SurveyResponse['answers'][number]>[]): SurveyResponse {
  return {
    id,
    member_id: memberId,
    member,
    answers: answers.map((a) => ({ question_id: 0, text: null, scale: null, checked: null, ...a })),
    created_at: '2026-11-03T01:00:00Z',
  };
}

export const JU_ANSWER =
  'Setelah pelatihan saya membantu teman yang kesulitan. Intinya kerja sama, kalau saya kesulitan saya hubungi mentor.';

export function coding(overrides: Partial<SurveyCoding> = {}): SurveyCoding {
  return { codes: CODES, tags: [], frequencies: [], co_occurrences: [], ...overrides };
}
