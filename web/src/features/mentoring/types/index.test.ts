import { describe, expect, it } from 'vitest';
import { catalogueFor, competencyName, sectorsOf, type Competency } from './index';

function skill(code: string, sector: Competency['sector'], name: string, name_en: string | null = null): Competency {
  return { id: code.length, code, sector, name, name_en, description: null, retired: false, created_at: '', updated_at: '' };
}

const ITEMS = [
  skill('batik.ecotik', 'batik', 'Ecotik', 'Ecotik (ecoprint with batik)'),
  skill('batik.mondeng', 'batik', 'Mondeng'),
  skill('tape.ragi', 'food_processing', 'Fermentasi dengan ragi', 'Fermentation with yeast'),
  skill('usaha.harga', null, 'Menghitung harga jual', 'Pricing'),
];

describe('the catalogue of competencies', () => {
  it('lists the sectors that have skills of their own, once each, in order', () => {
    expect(sectorsOf(ITEMS)).toEqual(['batik', 'food_processing']);
  });

  it("gives a sector its own skills and the shared business skills; no sector gives every sector's", () => {
    const batik = catalogueFor(ITEMS, 'batik');
    expect(batik.own.map((c) => c.code)).toEqual(['batik.ecotik', 'batik.mondeng']);
    expect(batik.shared.map((c) => c.code)).toEqual(['usaha.harga']);
    expect(catalogueFor(ITEMS, null).own.map((c) => c.code)).toEqual(['batik.ecotik', 'batik.mondeng', 'tape.ragi']);
  });

  it('names a competency in English only when it has an English name', () => {
    expect(competencyName(ITEMS[0]!, 'en')).toBe('Ecotik (ecoprint with batik)');
    expect(competencyName(ITEMS[1]!, 'en')).toBe('Mondeng');
    expect(competencyName(ITEMS[0]!, 'id')).toBe('Ecotik');
  });
});
