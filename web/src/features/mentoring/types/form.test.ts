import { describe, expect, it } from 'vitest';
import type { Competency } from './index';
import { competencyPatch, draftFromCompetency, emptyCompetencyDraft, validateCompetency } from './form';

const ECOTIK: Competency = {
  id: 4,
  code: 'batik.ecotik',
  sector: 'batik',
  name: 'Ecotik',
  name_en: null,
  description: 'Ecoprint dan batik.',
  retired: false,
  created_at: '',
  updated_at: '',
};

describe('a competency form', () => {
  it('starts a new competency in the sector being looked at, or in every sector', () => {
    expect(emptyCompetencyDraft('batik').sector).toBe('batik');
    expect(emptyCompetencyDraft(null).sector).toBe('');
    expect(emptyCompetencyDraft('pottery').sector).toBe('');
  });

  it('asks a new one for a code in the server’s format and a name, trimmed; blanks become null', () => {
    const draft = { ...emptyCompetencyDraft(null), code: 'Batik Jumputan', name: '  ' };
    expect(validateCompetency(draft, true).errors).toEqual({ code: ['mentoring.form.codeFormat'], name: ['mentoring.form.nameRequired'] });
    expect(validateCompetency({ ...draft, code: '' }, true).errors.code).toEqual(['mentoring.form.codeRequired']);
    expect(validateCompetency({ ...draft, code: 'usaha.ekspor', name: ' Ekspor ' }, true).input).toEqual({
      code: 'usaha.ekspor',
      sector: null,
      name: 'Ekspor',
      name_en: null,
      description: null,
    });
  });

  it('sends an existing one neither code nor sector, and only what changed', () => {
    const draft = { ...draftFromCompetency(ECOTIK), code: 'ignored', name_en: 'Ecotik (ecoprint with batik)' };
    const checked = validateCompetency(draft, false);
    expect(checked.input).toEqual({ name: 'Ecotik', name_en: 'Ecotik (ecoprint with batik)', description: 'Ecoprint dan batik.', retired: false });
    expect(competencyPatch(ECOTIK, checked.input!)).toEqual({ name_en: 'Ecotik (ecoprint with batik)' });
    expect(competencyPatch(ECOTIK, validateCompetency({ ...draftFromCompetency(ECOTIK), description: ' ' }, false).input!)).toEqual({
      description: null,
    });
  });
});
