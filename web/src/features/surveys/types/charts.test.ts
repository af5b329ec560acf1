import { describe, expect, it } from 'vitest';
import { BENEFITS, CODES, coding, PERCEPTION, surveyView } from '../../../test/surveys';
import { checkRows, coOccurrenceMatrix, frequencyRows, heat, scaleRows, stackedData } from './charts';

describe('the scale chart (Figure 1)', () => {
  const view = surveyView(PERCEPTION, {
    responses: 4,
    summary: [
      { question_id: 7, answered: 4, scale_counts: [0, 0, 1, 1, 2], mean: 4.25, checked: 0 },
      { question_id: 8, answered: 3, scale_counts: [0, 0, 0, 0, 3], mean: 5, checked: 0 },
    ],
  });

  it('splits each statement by the share of each answer among those who answered it', () => {
    const rows = scaleRows(view.template, view.summary, 'id');
    expect(rows.map((r) => r.label)).toEqual(['Mentor memberi contoh, lalu kami mempraktikkan', 'Saya bebas bertanya kapan saja']);
    expect(rows[0]!.counts).toEqual({ 1: 0, 2: 0, 3: 1, 4: 1, 5: 2 });
    expect(rows[0]!.share).toEqual({ 1: 0, 2: 0, 3: 25, 4: 25, 5: 50 });
    expect(rows[1]!.share[5]).toBe(100);
    expect(rows[0]!.mean).toBe(4.25);
    expect(stackedData(rows)[0]).toEqual({ question_id: 7, label: rows[0]!.label, s1: 0, s2: 0, s3: 25, s4: 25, s5: 50 });
  });

  it('reads the statements in English for an English reader, and a statement nobody answered as empty', () => {
    const rows = scaleRows(PERCEPTION, [], 'en');
    expect(rows[0]!.label).toBe('The mentor gives an example and we follow it');
    expect(rows[0]!.answered).toBe(0);
    expect(rows[0]!.share).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
    expect(rows[0]!.mean).toBeNull();
  });

  it('gives shares with one decimal that add up to about 100', () => {
    const [row] = scaleRows(PERCEPTION, [{ question_id: 7, answered: 3, scale_counts: [1, 1, 1, 0, 0], mean: 2, checked: 0 }], 'id');
    expect(row!.share).toEqual({ 1: 33.3, 2: 33.3, 3: 33.3, 4: 0, 5: 0 });
  });
});

describe('the benefits chart (Figure 2)', () => {
  it('gives the share of the members who answered that chose each benefit', () => {
    const rows = checkRows(
      BENEFITS,
      [
        { question_id: 12, answered: 4, scale_counts: [], mean: null, checked: 4 },
        { question_id: 13, answered: 4, scale_counts: [], mean: null, checked: 1 },
      ],
      'id',
    );
    expect(rows).toEqual([
      { question_id: 12, label: 'Keterampilan meningkat', checked: 4, answered: 4, share: 100 },
      { question_id: 13, label: 'Pendapatan bulanan naik', checked: 1, answered: 4, share: 25 },
    ]);
    expect(checkRows(BENEFITS, [], 'en')[0]).toEqual({ question_id: 12, label: 'Competence increased', checked: 0, answered: 0, share: null });
  });
});

describe('the coding’s figures', () => {
  const data = coding({
    frequencies: [
      { code_id: 1, tags: 3, responses: 2 },
      { code_id: 2, tags: 1, responses: 1 },
    ],
    co_occurrences: [{ code_a: 1, code_b: 2, responses: 1 }],
  });

  it('lists every code of the codebook in its order, one never used as 0', () => {
    expect(frequencyRows(data)).toEqual([
      { code_id: 1, code: 'kerja_sama', label: 'Kerja sama', tags: 3, responses: 2 },
      { code_id: 2, code: 'saling_membantu', label: 'Saling membantu', tags: 1, responses: 1 },
      { code_id: 3, code: 'persahabatan', label: 'Persahabatan', tags: 0, responses: 0 },
    ]);
  });

  it('squares the codes used at least once, both ways, with each code’s members on the diagonal', () => {
    const matrix = coOccurrenceMatrix(data);
    expect(matrix.codes).toEqual([CODES[0], CODES[1]]);
    expect(matrix.cells).toEqual([
      [2, 1],
      [1, 1],
    ]);
    expect(matrix.max).toBe(1);
    expect(coOccurrenceMatrix(coding()).codes).toEqual([]);
  });

  it('shades a cell from none to the most', () => {
    expect(heat(0, 4)).toBe(0);
    expect(heat(1, 4)).toBe(1);
    expect(heat(3, 4)).toBe(3);
    expect(heat(4, 4)).toBe(4);
    expect(heat(2, 0)).toBe(0);
  });
});
