/** The competency's name in the reader's language: its English name in English, when it has one. */
export function competencyName(item: { name: string; name_en?: string | null }, language: string | undefined): string {
  return language === 'en' && item.name_en ? item.name_en : item.name;
}
