import { describe, expect, it } from 'vitest';
import { programmeFieldMessage } from './errors';
import { programmeTexts } from './programmes-texts.test-util';

const t = programmeTexts('id');
const error = (code: string, params: Record<string, string> = {}, field = 'amount') => ({ field, code, message: '', params });

describe('programmeFieldMessage', () => {
  it('says what the loan still owes, in rupiah, when a repayment is more', () => {
    expect(programmeFieldMessage(t, error('exceeds_outstanding', { outstanding: '11660000' }))).toBe(
      'Jumlah ini melebihi sisa pinjaman yang harus dibayar: Rp\u00a011.660.000.',
    );
  });

  it('says the budget, what is committed and the value when a record goes over budget', () => {
    expect(programmeFieldMessage(t, error('over_budget', { budget: '10000000', committed: '8000000', value: '5000000' }, 'value'))).toBe(
      'Nilai Rp\u00a05.000.000 membuat program melebihi anggaran Rp\u00a010.000.000 (sudah dialokasikan Rp\u00a08.000.000). Tulis alasannya bila tetap dicatat.',
    );
  });

  it('names the criteria not met, a status step and a closed programme in words', () => {
    expect(programmeFieldMessage(t, error('required_outside_criteria', { unmet: 'region,scale' }, 'outside_criteria_reason'))).toBe(
      'Calon ini tidak memenuhi syarat wilayah atau skala usaha. Tulis alasan mengapa tetap diikutkan.',
    );
    expect(programmeFieldMessage(t, error('invalid_transition', { from: 'closed', to: 'active' }, 'status'))).toBe(
      'Status tidak dapat berpindah dari Ditutup ke Berjalan.',
    );
    expect(programmeFieldMessage(t, error('programme_closed', {}, 'programme_id'))).toMatch(/sudah ditutup/);
  });

  it('falls back on the app’s words for the code', () => {
    expect(programmeFieldMessage(t, error('required', {}, 'name'))).toBe('Wajib diisi.');
  });
});
