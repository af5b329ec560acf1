import { useTranslation } from 'react-i18next';
import { ageIn } from '../types';

/** "Belum diisi", muted: a field nobody has filled in yet. */
export function NotFilled() {
  const { t } = useTranslation();
  return <span className="muted">{t('people.detail.notFilled')}</span>;
}

/** "1980 (sekitar 46 tahun)": the year and the age it makes this year; "Belum diisi" when unknown. */
export function BirthYear({ year, currentYear = new Date().getFullYear() }: { year: number | null; currentYear?: number }) {
  const { t } = useTranslation();
  if (year === null) return <NotFilled />;
  return <>{t('people.detail.birthYearAge', { year, age: ageIn(year, currentYear) })}</>;
}
