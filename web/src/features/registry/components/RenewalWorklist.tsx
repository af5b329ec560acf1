import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { formatDate, formatNumber, joinDetails } from '../../../lib/format';
import { levelOfCode, type RegionPickerSlot } from '../../../lib/places';
import { problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { registryKeys } from '../api/keys';
import { useVerifyEnterprise } from '../hooks/use-registry-mutations';
import { useEnterprises } from '../hooks/use-registry-queries';
import type { Enterprise, EnterprisePage } from '../types';
import { EMPTY_FILTERS, isRegionCode, listQuery } from '../types/filters';
import { editPath, enterprisePath, renewalPath } from '../types/paths';
import { sectorLabel } from './labels';

export const WORKLIST_SIZE = 50;

/** GET /enterprises?region=<village>&stale=true&sort=verified_at: never verified first, then oldest. */
export function worklistFilters(village: string) {
  return { ...EMPTY_FILTERS, region: village, stale: true, sort: 'verified_at' as const };
}

/**
 * A field officer's round through one village on a phone: the stale enterprises, the longest
 * unchecked first, each with a big "still right" button and a way to correct it. A verified
 * enterprise leaves the list and the next one gets the focus.
 */
export function RenewalWorklist({ RegionPicker }: { RegionPicker: RegionPickerSlot }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('registry.renewal.title'));
  const language = i18n.resolvedLanguage;
  const [params, setParams] = useSearchParams();
  const chosen = params.get('village');
  const code = chosen && isRegionCode(chosen) ? chosen : null;
  const village = code && levelOfCode(code) === 'village' ? code : null;
  const filters = worklistFilters(village ?? '');
  const list = useEnterprises(filters, { limit: WORKLIST_SIZE, enabled: village !== null, keepPrevious: false });
  const listKey = registryKeys.list(listQuery(filters, WORKLIST_SIZE));
  const client = useQueryClient();
  const verifier = useVerifyEnterprise();
  const items = (village && list.data?.items) || [];
  const total = village && list.data ? list.data.total : 0;
  const [busy, setBusy] = useState<number | null>(null);
  // What was said about one village's list: choosing another village starts afresh.
  const [said, setSaid] = useState<{ village: string | null; notice: string | null; error: unknown }>({
    village: null,
    notice: null,
    error: null,
  });
  const notice = said.village === village ? said.notice : null;
  const error = said.village === village ? said.error : null;
  const setNotice = (text: string | null) => setSaid((s) => ({ ...s, village, notice: text }));
  const setError = (caught: unknown) => setSaid((s) => ({ ...s, village, error: caught }));
  const headings = useRef(new Map<number, HTMLElement>());
  const focusNext = useRef<number | null>(null);

  useEffect(() => {
    if (focusNext.current === null) return;
    headings.current.get(focusNext.current)?.focus();
    focusNext.current = null;
    // After the list changed (a verified enterprise left it), focus the next heading.
  }, [list.data]);

  async function verify(enterprise: Enterprise) {
    setBusy(enterprise.id);
    setError(null);
    setNotice(null);
    try {
      await verifier.mutateAsync(enterprise.id);
      const index = items.findIndex((e) => e.id === enterprise.id);
      const rest = items.filter((e) => e.id !== enterprise.id);
      focusNext.current = rest[Math.min(index, rest.length - 1)]?.id ?? null;
      // A verified enterprise leaves the list at once, without asking the server again.
      client.setQueryData<EnterprisePage>(listKey, (page) => (page ? { ...page, items: rest, total: Math.max(0, page.total - 1) } : page));
      setNotice(t('registry.renewal.verifiedNotice', { name: enterprise.name }));
      // This page is done but more are waiting on the server: fetch the next ones.
      if (rest.length === 0 && total - 1 > 0) void client.invalidateQueries({ queryKey: listKey });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  const back = renewalPath(village);

  return (
    <>
      <h1 tabIndex={-1}>{t('registry.renewal.title')}</h1>
      <p className="muted">{t('registry.renewal.intro')}</p>
      <section className="card">
        <RegionPicker
          value={code}
          label={t('registry.renewal.village')}
          onChange={(next) => {
            if (next !== code) setParams(next ? { village: next } : {});
          }}
        />
        {!village ? <p className="muted">{t('registry.renewal.pickVillage')}</p> : null}
      </section>

      <div aria-live="polite" className="worklist__messages">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
      </div>
      {error ? <Alert tone="error">{problemMessage(t, error)}</Alert> : null}
      {list.isError ? <Alert tone="error">{problemMessage(t, list.error)}</Alert> : null}

      {village && list.isFetching && items.length === 0 ? (
        <p role="status">{t('registry.renewal.loading')}</p>
      ) : null}

      {village && list.isSuccess && !list.isFetching ? (
        <p className="lead" role="status" data-testid="worklist-remaining">
          {total === 0
            ? t('registry.renewal.allDone')
            : t('registry.renewal.remaining', { count: total, formatted: formatNumber(total, language) })}
        </p>
      ) : null}

      {village && items.length > 0 ? (
        <ol className="worklist" data-testid="worklist">
          {items.map((enterprise) => (
            <li key={enterprise.id} className="worklist__item card">
              <h2
                className="worklist__title"
                tabIndex={-1}
                ref={(element) => {
                  if (element) headings.current.set(enterprise.id, element);
                  else headings.current.delete(enterprise.id);
                }}
              >
                <Link to={enterprisePath(enterprise.id)}>{enterprise.name}</Link>
              </h2>
              <p className="worklist__line">{t('registry.list.ownerLine', { name: enterprise.owner.name })}</p>
              <p className="worklist__line muted">
                {joinDetails([sectorLabel(t, enterprise.sector), enterprise.products])}
              </p>
              <p className="worklist__line">
                {enterprise.verified_at
                  ? t('registry.renewal.lastVerified', { date: formatDate(enterprise.verified_at, language) })
                  : t('registry.renewal.neverVerified')}
              </p>
              <div className="worklist__actions">
                <button
                  type="button"
                  className="button button--primary button--large"
                  disabled={busy !== null}
                  aria-label={t('registry.renewal.verifyLabel', { name: enterprise.name })}
                  onClick={() => void verify(enterprise)}
                >
                  {busy === enterprise.id ? t('registry.renewal.verifying') : t('registry.renewal.verify')}
                </button>
                <Link
                  to={editPath(enterprise.id, { back, renewal: true })}
                  className="button button--secondary button--large"
                  aria-label={t('registry.renewal.correctLabel', { name: enterprise.name })}
                >
                  {t('registry.renewal.correct')}
                </Link>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
