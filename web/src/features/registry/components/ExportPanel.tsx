import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { CheckField } from '../../../components/CheckField';
import { formatNumber } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { saveBlob } from '../../../lib/save-file';
import { exportEnterprises } from '../api/registry';
import type { EnterpriseFilters, ExportFormat } from '../types/filters';

interface ExportPanelProps {
  filters: EnterpriseFilters;
  /** How many enterprises match, when known. */
  total: number | null;
  /** Admins and officers may ask for the NIK in full. */
  canIncludeNik: boolean;
}

/** CSV and Excel downloads of every enterprise matching the current filters. */
export function ExportPanel({ filters, total, canIncludeNik }: ExportPanelProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [includeNik, setIncludeNik] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function download(format: ExportFormat) {
    setBusy(format);
    setDone(null);
    setError(null);
    try {
      const file = await exportEnterprises(filters, format, canIncludeNik && includeNik);
      const name = file.fileName ?? `gotong-enterprises.${format}`;
      saveBlob(file.blob, name);
      setDone(name);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('registry.export.title')}</h2>
      {total !== null ? (
        <p className="muted">
          {t('registry.export.intro', { count: total, formatted: formatNumber(total, i18n.resolvedLanguage) })}
        </p>
      ) : null}
      {canIncludeNik ? (
        <CheckField
          id={`${id}-nik`}
          label={t('registry.export.includeNik')}
          hint={t('registry.export.includeNikHint')}
          checked={includeNik}
          onChange={setIncludeNik}
        />
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy !== null}
          onClick={() => void download('csv')}
        >
          {busy === 'csv' ? t('registry.export.preparing') : t('registry.export.csv')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy !== null}
          onClick={() => void download('xlsx')}
        >
          {busy === 'xlsx' ? t('registry.export.preparing') : t('registry.export.xlsx')}
        </button>
      </div>
      {done ? <Alert tone="success">{t('registry.export.done', { file: done })}</Alert> : null}
      {error ? <Alert tone="error">{problemMessage(t, error)}</Alert> : null}
    </section>
  );
}
