import { describe, expect, it } from 'vitest';
import { registerLanguage } from '../../../lib/i18n';
import { en } from '../../../lib/i18n/en';
import type { ProgrammeCriteria, ProgrammePartner } from './index';
import { programmeTexts } from './programmes-texts.test-util';
import { criteriaInWords, foundInWords, partnersByHelix, unmetInWords } from './words';

registerLanguage('en', en);
const id = programmeTexts('id');
const english = programmeTexts('en');

const NONE: ProgrammeCriteria = { region_codes: [], sectors: [], scales: [], founded_within_years: null, homogeneous: false, categories: [] };

describe('criteriaInWords', () => {
  it('says nothing for a programme open to all', () => {
    expect(criteriaInWords(id, NONE)).toEqual([]);
  });

  it('writes each criterion as a sentence, alternatives joined with “atau”, regions by name', () => {
    const names: Record<string, string> = { '35.07': 'Kabupaten Malang', '35.79': 'Kota Batu' };
    const lines = criteriaInWords(
      id,
      {
        region_codes: ['35.07', '35.79'],
        sectors: ['food_processing'],
        scales: ['micro', 'small'],
        founded_within_years: 5,
        homogeneous: true,
        categories: ['zakat_recipient'],
      },
      (code) => names[code] ?? code,
    );
    expect(lines).toEqual([
      'Berada di Kabupaten Malang atau Kota Batu',
      'Sektor Olahan pangan',
      'Skala Mikro atau Kecil',
      'Berdiri paling lama 5 tahun sebelum program mulai',
      'Kelompok yang semua anggotanya sesektor',
      'Termasuk Penerima zakat (mustahik)',
    ]);
  });

  it('reads in English too, with the plural the count needs', () => {
    expect(criteriaInWords(english, { ...NONE, founded_within_years: 1 })).toEqual(['Founded at most 1 year before the programme starts']);
    expect(criteriaInWords(english, { ...NONE, sectors: ['batik', 'crafts', 'fashion'] })[0]).toMatch(/^Sector Batik, .+ or .+$/);
  });
});

describe('foundInWords', () => {
  it('words what the registry holds for each criterion, and says when it holds nothing', () => {
    expect(foundInWords(id, { criterion: 'sector', met: true, found: 'food_processing' })).toBe('Olahan pangan');
    expect(foundInWords(id, { criterion: 'scale', met: false, found: 'medium' })).toBe('Menengah');
    expect(foundInWords(id, { criterion: 'founded_within_years', met: false, found: '2001' })).toBe('berdiri 2001');
    expect(foundInWords(id, { criterion: 'homogeneous', met: false, found: 'false' })).toBe('anggota dari sektor berbeda');
    expect(foundInWords(id, { criterion: 'category', met: true, found: 'poor,zakat_recipient' })).toBe(
      'Keluarga miskin (DTKS) atau Penerima zakat (mustahik)',
    );
    expect(foundInWords(id, { criterion: 'region', met: true, found: '35.07.20.2004' }, () => 'Banjarsari')).toBe('Banjarsari');
    expect(foundInWords(id, { criterion: 'scale', met: false, found: '' })).toBe('belum tercatat');
  });

  it('names the criteria a refusal lists as not met', () => {
    expect(unmetInWords(id, 'region,sector')).toBe('wilayah atau sektor');
    expect(unmetInWords(english, 'founded_within_years')).toBe('age of the business');
  });
});

describe('partnersByHelix', () => {
  it('groups the owner and partners by helix in the helices’ order, leaving out a helix nobody plays', () => {
    const partner = (id: number, helix: ProgrammePartner['helix'], role: ProgrammePartner['role'] = 'partner'): ProgrammePartner => ({
      stakeholder_id: id,
      name: `S${id}`,
      role,
      helix,
      contribution: null,
    });
    const rows = partnersByHelix([partner(1, 'civil_society', 'owner'), partner(2, 'business'), partner(3, 'civil_society')]);
    expect(rows.map((r) => [r.helix, r.partners.map((p) => p.stakeholder_id)])).toEqual([
      ['business', [2]],
      ['civil_society', [1, 3]],
    ]);
  });
});
