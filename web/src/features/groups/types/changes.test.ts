import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../lib/i18n';
import type { SettingChange } from './index';
import { changeText, TOPIC_OF_SETTING } from './changes';

const words = (change: SettingChange, language: 'id' | 'en', names: Record<number, string> = {}) => {
  const i18n = createI18n(language);
  const text = changeText(change, language, (id) => names[id] ?? null);
  return i18n.t(text.key, text.values).replace(/\u00a0/g, ' ');
};

describe('a setting change in words', () => {
  it('says a new fee in rupiah from its month', () => {
    const fee: SettingChange = { setting: 'monthly_fee', amount: 15_000, effective_on: '2027-01-01' };
    expect(words(fee, 'id')).toBe('Iuran Rp 15.000 per bulan mulai Januari 2027');
    expect(words(fee, 'en')).toBe('A fee of Rp 15.000 a month from January 2027');
  });

  it('says the SOP meetings a month from its month', () => {
    const sop: SettingChange = { setting: 'sop_meetings', meetings: 2, effective_on: '2027-02-01' };
    expect(words(sop, 'id')).toBe('Pertemuan wajib 2 kali sebulan mulai Februari 2027');
    expect(words({ ...sop, meetings: 1 }, 'en')).toBe('1 required meeting a month from February 2027');
  });

  it('names the member of a market area, or her number while the members load', () => {
    const area: SettingChange = { setting: 'market_area', member_id: 14, area: 'Pasar Kepanjen', effective_on: '2026-12-15' };
    expect(words(area, 'id', { 14: 'Painem' })).toBe('Painem memakai wilayah pasar Pasar Kepanjen mulai 15 Desember 2026');
    expect(words(area, 'id')).toBe('Anggota #14 memakai wilayah pasar Pasar Kepanjen mulai 15 Desember 2026');
  });

  it('gives each setting the topic the server requires of it', () => {
    expect(TOPIC_OF_SETTING).toEqual({ monthly_fee: 'fee_rule', sop_meetings: 'rule', market_area: 'market_areas' });
  });
});
