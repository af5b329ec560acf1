import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column {
  /** The heading's text. */
  label: ParseKeys<'translation'>;
  /** A column of numbers: right-aligned, like its cells. */
  num?: boolean;
  /** A heading said to screen readers only (over a column of buttons). */
  hidden?: boolean;
}

/** The headings: texts from `columns`, or `head`, the heading cells themselves where they are more than a text. */
type Headings = { columns: readonly Column[]; head?: undefined } | { head: ReactNode; columns?: undefined };

type DataTableProps = Headings & {
  /** What the table is, for screen readers (the heading above it says it to the eye). */
  caption?: string;
  testId?: string;
  /** Classes beside `data-table`. */
  className?: string;
  /** The rows. */
  children: ReactNode;
  /** The totals' row(s). */
  foot?: ReactNode;
};

/** A table that scrolls sideways on a phone rather than squeezing: headings from `columns` (or `head`), the rows as children. */
export function DataTable({ columns, head, caption, testId, className, children, foot }: DataTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className={className ? `data-table ${className}` : 'data-table'} data-testid={testId}>
        {caption !== undefined ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns
              ? columns.map((column) => (
                  <th key={column.label} scope="col" className={column.num ? 'num' : undefined}>
                    {column.hidden ? <span className="visually-hidden">{t(column.label)}</span> : t(column.label)}
                  </th>
                ))
              : head}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
    </div>
  );
}
