import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from './FormField';

type SearchFormProps = Omit<ComponentProps<typeof FormField>, 'onChange' | 'type' | 'name'> & {
  onChange: (text: string) => void;
  /** Cari (or Enter) was pressed: search for what the box says. */
  onSearch: () => void;
  /** The form's classes; the box and its button side by side by default. */
  className?: string;
};

/** A search box and its "Cari" button: typing changes only the box, the search runs on Cari or Enter. */
export function SearchForm({ onChange, onSearch, className = 'filters__search', ...field }: SearchFormProps) {
  const { t } = useTranslation();
  return (
    <form
      className={className}
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch();
      }}
    >
      <FormField {...field} type="search" name="q" onChange={(e) => onChange(e.target.value)} />
      <button type="submit" className="button button--primary">
        {t('common.search')}
      </button>
    </form>
  );
}
