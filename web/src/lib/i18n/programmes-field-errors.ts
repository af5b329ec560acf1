// The words of the field codes only the programmes' and dashboards' pages meet (targeting rounds,
// the equity dashboard's filters), added to the app's `fieldErrors` with the programmes' texts
// (programmes.ts) so that a first visit elsewhere does not download them.
import type { Language } from './index';

export const PROGRAMMES_FIELD_ERRORS: Record<Language, Record<string, string>> = {
  id: {
    only_by_region: 'Wilayah hanya untuk dasbor per wilayah.',
    overlapping_round: 'Periode ini bertumpang tindih dengan putaran lain.',
    outside_programme: 'Tanggal ini di luar masa program.',
    count_mismatch: 'Jumlahnya tidak sama dengan daftar.',
    not_draft: 'Putaran ini bukan rancangan lagi.',
    programme_ended: 'Program ini sudah berakhir.',
    wrong_kind: 'Putaran ini untuk jenis penerima lain.',
  },
  en: {
    only_by_region: 'An area can be chosen only when the dashboard is split by region.',
    overlapping_round: 'This period overlaps another round of the programme.',
    outside_programme: 'This date is outside the programme’s period.',
    count_mismatch: 'The number is not the number of beneficiaries on the list.',
    not_draft: 'Only a draft round is confirmed or cancelled.',
    programme_ended: 'This programme has ended.',
    wrong_kind: 'This round selects the other kind of recipient (enterprises or groups).',
  },
};
