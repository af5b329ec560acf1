import { describe, expect, it } from 'vitest';
import { JU_ANSWER } from '../../../test/surveys';
import { codeFromLabel, isCode, markPassages, quoteIn } from './quote';

describe('the passage selected in an answer', () => {
  it('is the selected text without the spaces around it, when the answer holds it as written', () => {
    expect(quoteIn(JU_ANSWER, '  kerja sama, ')).toBe('kerja sama,');
    expect(quoteIn(JU_ANSWER, 'Intinya kerja sama')).toBe('Intinya kerja sama');
  });

  it('is nothing for no selection, spaces only, or a selection reaching outside the answer', () => {
    expect(quoteIn(JU_ANSWER, null)).toBeNull();
    expect(quoteIn(JU_ANSWER, '   ')).toBeNull();
    expect(quoteIn(JU_ANSWER, 'mentor.\nJawaban DW')).toBeNull();
  });
});

describe('marking the tagged passages', () => {
  it('cuts the answer where passages start and end, each piece with the tags covering it', () => {
    const text = 'kerja sama dan saling membantu';
    expect(
      markPassages(text, [
        { id: 1, quote: 'kerja sama' },
        { id: 2, quote: 'sama dan saling' },
      ]),
    ).toEqual([
      { text: 'kerja ', tags: [1] },
      { text: 'sama', tags: [1, 2] },
      { text: ' dan saling', tags: [2] },
      { text: ' membantu', tags: [] },
    ]);
  });

  it('leaves an answer without tags, or with a passage no longer found, whole', () => {
    expect(markPassages('saling membantu', [])).toEqual([{ text: 'saling membantu', tags: [] }]);
    expect(markPassages('saling membantu', [{ id: 3, quote: 'gotong royong' }])).toEqual([{ text: 'saling membantu', tags: [] }]);
    expect(markPassages('saling membantu', [{ id: 4, quote: 'saling membantu' }])).toEqual([{ text: 'saling membantu', tags: [4] }]);
  });
});

describe('a new code', () => {
  it('is made from its label as the server takes codes', () => {
    expect(codeFromLabel('Tidak pelit ilmu')).toBe('tidak_pelit_ilmu');
    expect(codeFromLabel('  Gotong-royong!  ')).toBe('gotong_royong');
    expect(codeFromLabel('3 hari praktik bersama')).toBe('hari_praktik_bersama');
    expect(codeFromLabel('Kerja keras '.repeat(6)).length).toBeLessThanOrEqual(40);
    expect(isCode(codeFromLabel('Kerja keras '.repeat(6)))).toBe(true);
    expect(isCode('kerja_sama')).toBe(true);
    expect(isCode('Kerja sama')).toBe(false);
    expect(isCode('_kerja')).toBe(false);
    expect(isCode('')).toBe(false);
  });
});
