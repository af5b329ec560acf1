import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { DetailRow } from '../../../components/DetailRow';
import { BackLink } from '../../../components/BackLink';
import { Pending } from '../../../components/Pending';
import { actorName } from '../../../lib/actor';
import { formatDate, formatDateTime } from '../../../lib/format';
import { can } from '../../../lib/permissions';
import { formatPlacePath } from '../../../lib/places';
import { problemMessage } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { Role } from '../../../lib/user';
import { useVerifyEnterprise } from '../hooks/use-registry-mutations';
import { useEnterprise, usePerson, useStewards } from '../hooks/use-registry-queries';
import type { Enterprise } from '../types';
import { editPath, personPath, REGISTRY_PATH } from '../types/paths';
import { HistoryList } from './HistoryList';
import { scaleLabel, sectorLabel } from './labels';

/** What the form tells the detail page after saving, shown once as a confirmation. */
export interface DetailNotice {
  notice?: 'created' | 'saved' | 'nothingChanged';
}

function OwnerDetails({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const id = useId();
  const person = usePerson(enterprise.owner.id);
  const notFilled = <span className="muted">{t('registry.detail.notFilled')}</span>;
  const gender = person.data?.gender ?? enterprise.owner.gender;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('registry.detail.owner')}</h2>
      <dl className="details">
        <DetailRow label={t('registry.form.ownerName')}>{enterprise.owner.name}</DetailRow>
        <DetailRow label={t('registry.fields.gender')}>{gender ? t(`genders.${gender}`) : notFilled}</DetailRow>
        {person.data ? (
          <>
            <DetailRow label={t('registry.fields.birth_year')}>{person.data.birth_year ?? notFilled}</DetailRow>
            <DetailRow label={t('registry.fields.phone')}>
              {person.data.phone ? <a href={`tel:${person.data.phone}`}>{person.data.phone}</a> : notFilled}
            </DetailRow>
            <DetailRow label={t('registry.fields.nik')} testId="owner-nik">
              {person.data.nik ? (
                <>
                  <code>{person.data.nik}</code>
                  {person.data.nik_masked ? <span className="muted">{` (${t('registry.detail.nikMasked')})`}</span> : null}
                </>
              ) : (
                notFilled
              )}
            </DetailRow>
            <DetailRow label={t('registry.fields.village_code')}>
              {person.data.village ? formatPlacePath(person.data.village) : notFilled}
            </DetailRow>
          </>
        ) : null}
      </dl>
      {person.isFetching ? <p className="muted">{t('registry.detail.ownerLoading')}</p> : null}
      <p>
        <Link to={personPath(enterprise.owner.id)}>{t('registry.detail.ownerPage', { name: enterprise.owner.name })}</Link>
      </p>
    </section>
  );
}

/** One enterprise: every field, its verification, the verify button and its change history. */
export function EnterpriseDetail({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const params = useParams();
  const location = useLocation();
  const enterpriseId = Number(params.id);
  const valid = Number.isSafeInteger(enterpriseId) && enterpriseId > 0;
  const resource = useEnterprise(valid ? enterpriseId : null);
  const verify = useVerifyEnterprise();
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState(false);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const enterprise = resource.data;
  // The steward's name: the stakeholder list is open to every signed-in user and short.
  const stewards = useStewards(Boolean(enterprise?.steward_id));
  useDocumentTitle(enterprise?.name ?? t('registry.title'));
  const notice = (location.state as DetailNotice | null)?.notice;
  const writable = can(role, 'registry.write');

  async function onVerify() {
    if (!enterprise) return;
    setVerifying(true);
    setVerifyError(null);
    setVerified(false);
    try {
      await verify.mutateAsync(enterprise.id);
      setVerified(true);
    } catch (error) {
      setVerifyError(error);
    } finally {
      setVerifying(false);
    }
  }

  if (!valid) {
    return (
      <>
        <h1 tabIndex={-1}>{t('registry.title')}</h1>
        <Alert tone="error">{t('errors.notFound')}</Alert>
      </>
    );
  }
  const back = <BackLink to={REGISTRY_PATH}>{t('registry.detail.back')}</BackLink>;
  if (!enterprise) {
    return (
      <>
        {back}
        <h1 tabIndex={-1}>{t('registry.title')}</h1>
        <Pending problem={resource.isError ? problemMessage(t, resource.error) : null} loading={t('registry.detail.loading')} />
      </>
    );
  }

  const notFilled = <span className="muted">{t('registry.detail.notFilled')}</span>;
  const scale = scaleLabel(t, enterprise);

  return (
    <>
      {back}
      <div className="page-head">
        <h1 tabIndex={-1}>{enterprise.name}</h1>
        <p className="page-head__badges">
          {enterprise.stale ? (
            <Badge tone="warning" testId="stale-badge">
              {t('registry.detail.staleBadge')}
            </Badge>
          ) : enterprise.status === 'active' ? (
            <Badge tone="success" testId="stale-badge">
              {t('registry.detail.currentBadge')}
            </Badge>
          ) : null}
          {enterprise.status === 'closed' ? <Badge tone="neutral">{t('registry.detail.closedBadge')}</Badge> : null}
        </p>
      </div>

      {notice === 'created' ? <Alert tone="success">{t('registry.form.created')}</Alert> : null}
      {notice === 'saved' ? <Alert tone="success">{t('registry.form.saved')}</Alert> : null}
      {notice === 'nothingChanged' ? <Alert tone="info">{t('registry.form.nothingChanged')}</Alert> : null}

      <section className="card" aria-labelledby="verification-title">
        <h2 id="verification-title">{t('registry.detail.verification')}</h2>
        {enterprise.stale ? <p>{t('registry.detail.staleExplain')}</p> : null}
        <dl className="details">
          <DetailRow label={t('registry.fields.verified_at')} testId="verified-at">
            {enterprise.verified_at
              ? t('registry.detail.verifiedOn', {
                  date: formatDate(enterprise.verified_at, language),
                  user: actorName(t, enterprise.verified_by),
                })
              : t('registry.detail.neverVerified')}
          </DetailRow>
        </dl>
        {verified ? <Alert tone="success">{t('registry.detail.verified')}</Alert> : null}
        {verifyError ? <Alert tone="error">{problemMessage(t, verifyError)}</Alert> : null}
        {writable ? (
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={verifying} onClick={() => void onVerify()}>
              {verifying ? t('registry.detail.verifying') : t('registry.detail.verify')}
            </button>
            <Link to={editPath(enterprise.id)} className="button button--secondary">
              {t('registry.detail.edit')}
            </Link>
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="business-title">
        <h2 id="business-title">{t('registry.detail.business')}</h2>
        <dl className="details" data-testid="enterprise-details">
          <DetailRow label={t('registry.fields.sector')}>
            {sectorLabel(t, enterprise.sector)}{' '}
            <span className="muted">{`(${t('registry.fields.kbli')} ${enterprise.kbli})`}</span>
          </DetailRow>
          <DetailRow label={t('registry.fields.products')}>{enterprise.products || notFilled}</DetailRow>
          <DetailRow label={t('registry.fields.business_centre')}>{enterprise.business_centre || notFilled}</DetailRow>
          <DetailRow label={t('registry.fields.village')}>
            {enterprise.village ? formatPlacePath(enterprise.village) : enterprise.village_code}
          </DetailRow>
          <DetailRow label={t('registry.fields.founded_year')}>{enterprise.founded_year ?? notFilled}</DetailRow>
          <DetailRow label={t('registry.fields.employees')}>{enterprise.employees ?? notFilled}</DetailRow>
          <DetailRow label={t('registry.fields.capital')} testId="capital">
            {enterprise.capital === null ? notFilled : formatRupiah(enterprise.capital)}
          </DetailRow>
          <DetailRow label={t('registry.fields.turnover')} testId="turnover">
            {enterprise.turnover === null ? notFilled : formatRupiah(enterprise.turnover)}
          </DetailRow>
          <DetailRow label={t('registry.fields.scale')} testId="scale">
            {scale ?? t('registry.detail.scaleUnknown')}
          </DetailRow>
          <DetailRow label={t('registry.fields.nib')}>{enterprise.nib ? <code>{enterprise.nib}</code> : notFilled}</DetailRow>
          <DetailRow label={t('registry.fields.status')}>{t(`enterpriseStatus.${enterprise.status}`)}</DetailRow>
          <DetailRow label={t('registry.fields.steward_id')} testId="steward">
            {enterprise.steward_id === null
              ? notFilled
              : (stewards.data?.find((s) => s.id === enterprise.steward_id)?.name ??
                t('scope.stakeholder', { id: enterprise.steward_id }))}
          </DetailRow>
          <DetailRow label={t('registry.fields.created_at')}>{formatDateTime(enterprise.created_at, language)}</DetailRow>
          <DetailRow label={t('registry.fields.updated_at')}>{formatDateTime(enterprise.updated_at, language)}</DetailRow>
        </dl>
      </section>

      <OwnerDetails enterprise={enterprise} />
      <HistoryList enterpriseId={enterprise.id} />
    </>
  );
}
