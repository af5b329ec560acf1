import { describe, expect, it } from 'vitest';
import { learningTranslator, refusal } from '../../../test/learning';
import { learningFieldMessage, learningProblemMessage, refusalLines, serverField } from './errors';

const t = learningTranslator('id');
const en = learningTranslator('en');

describe('the learning tab’s words for the server’s codes', () => {
  it('names a list item’s field without its position', () => {
    expect(serverField('targets[1].competency_id')).toEqual({ base: 'targets_competency_id', index: 1 });
    expect(serverField('theme')).toEqual({ base: 'theme', index: null });
  });

  it('words each code of a plan, a session and an evaluation', () => {
    const say = (field: string, code: string) => learningFieldMessage(t, { field, code, message: 'english', params: {} });
    expect(say('targets[1].competency_id', 'retired')).toBe('Kompetensi ini tidak lagi diajarkan.');
    expect(say('targets[0].competency_id', 'duplicate')).toBe('Kompetensi ini terpilih dua kali.');
    expect(say('mentees[2].member_id', 'same_person')).toBe('Mentor siklus ini tidak dapat menjadi pesertanya.');
    expect(say('mentees[3].member_id', 'not_member')).toBe('Bukan anggota kelompok ini.');
    expect(say('targets', 'too_many')).toBe('Paling banyak 50 kompetensi sasaran.');
    expect(say('deliberation_id', 'not_agreed')).toBe('Musyawarah tidak menyepakati tema: buat usulan tema yang baru.');
    expect(say('member_id', 'not_mentee')).toBe('Bukan peserta siklus ini.');
    expect(say('competency_id', 'not_target')).toBe('Bukan kompetensi sasaran siklus ini.');
    expect(say('level', 'required')).toBe('Pilih tingkat yang dicapai.');
    expect(say('evaluated_on', 'in_future')).toBe('Tanggal penilaian tidak boleh setelah hari ini.');
    expect(say('status', 'closed')).toBe('Siklus ini sudah selesai: catatannya tidak dapat diubah lagi.');
    expect(say('options[1].targets[0].competency_id', 'not_found')).toBe('Kompetensi ini tidak ada di katalog.');
    expect(say('options[0].targets[2].level', 'out_of_range')).toBe('Pilih tingkat 1, 2, atau 3.');
    expect(say('options[0].targets', 'too_many')).toBe('Paling banyak 50 kompetensi untuk satu pilihan.');
    expect(say('options', 'targets_not_allowed')).toBe('Hanya usulan tema belajar yang pilihannya boleh memuat kompetensi.');
    // A code the tab has no words of its own for: the app's.
    expect(say('venue', 'too_long')).toBe('Terlalu panjang.');
  });

  it('lists what a cycle lacks to close, mentee by competency, in either language', () => {
    const closing = refusal([
      { field: 'evaluations', code: 'missing_evaluation', params: { member: 'Tukini', member_id: '16', competency: 'Memilih singkong', competency_id: '9' } },
      { field: 'evaluations', code: 'missing_evaluation', params: { member: 'Painem', member_id: '14', competency: 'Fermentasi dengan ragi', competency_id: '8' } },
    ]);
    expect(refusalLines(t, closing)).toEqual(['Tukini — Memilih singkong: belum dievaluasi', 'Painem — Fermentasi dengan ragi: belum dievaluasi']);
    expect(refusalLines(en, closing)[0]).toBe('Tukini — Memilih singkong: not evaluated yet');
  });

  it('names the stages of an illegal step, and words what a start needs', () => {
    const skip = refusal([{ field: 'to', code: 'invalid_transition', params: { from: 'planning', to: 'evaluation' } }]);
    expect(refusalLines(t, skip)).toEqual(['Siklus di tahap Perencanaan tidak dapat pindah ke tahap Evaluasi. Muat ulang halaman.']);
    const start = refusal([
      { field: 'theme', code: 'required' },
      { field: 'targets', code: 'required' },
      { field: 'mentees', code: 'required' },
    ]);
    expect(refusalLines(t, start)).toEqual([
      'Tema belum dipilih: tulis temanya, atau buat usulan tema dan putuskan di Musyawarah.',
      'Pilih minimal satu kompetensi sasaran.',
      'Pilih minimal satu peserta.',
    ]);
    expect(refusalLines(t, refusal([{ field: 'sessions', code: 'required' }]))).toEqual(['Catat minimal satu sesi belajar dulu.']);
  });

  it('says who arranges the group’s learning when the server refuses the caller', () => {
    expect(learningProblemMessage(t, refusal([], 'forbidden', 403))).toMatch(/^Pembelajaran kelompok diatur oleh ketua kelompok, mentor kelompok/);
    expect(refusalLines(t, refusal([], 'group-dissolved', 409))).toEqual(['Kelompok ini sudah bubar: catatannya tidak dapat diubah lagi.']);
  });
});
