import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ChangeHistory, type HistoryWords } from '../../../components/ChangeHistory';
import { id as texts } from '../../../lib/i18n/id';
import { formatRupiah } from '../../../lib/rupiah';
import { useEnterpriseHistory } from '../hooks/use-registry-queries';
import { sectorLabel } from './labels';

const MONEY = new Set(['capital', 'turnover']);
// The fields with a name of their own in the texts (an import's job and file among them); others show as sent.
const KNOWN_FIELDS = new Set(Object.keys(texts.registry.fields));
// 'import_update' is an upsert import changing a registered enterprise (the server's action name).
const KNOWN_ACTIONS = new Set(['create', 'update', 'verify', 'import', 'import_update']);

export function fieldLabel(t: TFunction, field: string): string {
  return KNOWN_FIELDS.has(field) ? t(`registry.fields.${field}` as 'registry.fields.name') : field;
}

/** An enterprise's own values in words: rupiah, sector names, its status, scale and its owner's gender. */
export function enterpriseValue(t: TFunction, field: string, value: unknown): string | undefined {
  if (typeof value === 'number' && MONEY.has(field)) return formatRupiah(value);
  if (typeof value !== 'string') return undefined;
  if (field === 'sector') return sectorLabel(t, value);
  if (field === 'status' && (value === 'active' || value === 'closed')) return t(`enterpriseStatus.${value}`);
  if (field === 'gender' && (value === 'female' || value === 'male')) return t(`genders.${value}`);
  if (field === 'scale_criterion' && (value === 'turnover' || value === 'capital')) return t(`criteria.${value}`);
  if (field === 'scale' && ['micro', 'small', 'medium', 'large'].includes(value)) return t(`scales.${value as 'micro'}`);
  return undefined;
}

/** Who changed what on an enterprise and when, newest first, page by page. */
export function HistoryList({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const history = useEnterpriseHistory(enterpriseId);
  const words: HistoryWords = {
    field: (field) => fieldLabel(t, field),
    value: (field, value) => enterpriseValue(t, field, value),
    action: (action) => (KNOWN_ACTIONS.has(action) ? t(`registry.history.actions.${action as 'create'}`) : action),
  };
  return <ChangeHistory history={history} words={words} />;
}
