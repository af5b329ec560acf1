import { describe, expect, it } from 'vitest';
import { createI18n, registerLanguage } from '../../../lib/i18n';
import { en } from '../../../lib/i18n/en';
import { addDashboardsTexts } from '../../../lib/i18n/dashboards';
import { helixLabel, rowLabel } from './words';

registerLanguage('en', en);

function texts(language: 'id' | 'en') {
  const i18n = createI18n(language);
  addDashboardsTexts(i18n);
  return i18n.t;
}

describe('the words of a row', () => {
  it('words sectors, scales and genders as the registry does, in both languages', () => {
    const t = texts('id');
    expect(rowLabel(t, 'sector', { key: 'food_processing', name: 'food_processing' })).toBe('Olahan pangan');
    expect(rowLabel(t, 'scale', { key: 'micro', name: 'micro' })).toBe('Mikro');
    expect(rowLabel(t, 'scale', { key: 'unknown', name: 'unknown' })).toBe('Belum diketahui');
    expect(rowLabel(t, 'gender', { key: 'female', name: 'female' })).toBe('Perempuan');
    expect(rowLabel(t, 'gender', { key: 'unknown', name: 'unknown' })).toBe('Belum diketahui');
    const e = texts('en');
    expect(rowLabel(e, 'gender', { key: 'male', name: 'male' })).toBe('Male');
    expect(rowLabel(e, 'sector', { key: 'batik', name: 'batik' })).toBe('Batik');
  });

  it('names a region by its name, and a key it has no word for by itself', () => {
    const t = texts('id');
    expect(rowLabel(t, 'region', { key: '35.79', name: 'Kota Batu' })).toBe('Kota Batu');
    expect(rowLabel(t, 'sector', { key: 'mining', name: 'mining' })).toBe('mining');
    expect(rowLabel(t, 'scale', { key: 'giant', name: 'giant' })).toBe('giant');
  });

  it('words the helixes as the stakeholders page does', () => {
    expect(helixLabel(texts('id'), 'civil_society')).toBe('Masyarakat sipil');
    expect(helixLabel(texts('en'), 'academia')).toBe(en.stakeholders.helices.academia);
  });
});
