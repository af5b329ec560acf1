import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FormAlerts } from '../../../components/FormAlerts';
import { SubmitRow } from '../../../components/SubmitRow';
import type { RegionPickerSlot } from '../../../lib/places';
import { problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { Role } from '../../../lib/user';
import { useEnterpriseForm } from '../hooks/use-enterprise-form';
import { useEnterprise } from '../hooks/use-registry-queries';
import type { Enterprise } from '../types';
import { enterprisePath, REGISTRY_PATH } from '../types/paths';
import { BusinessFieldset } from './BusinessFieldset';
import { FiguresFieldset } from './FiguresFieldset';
import { OwnerFieldset } from './OwnerFieldset';

interface EnterpriseFormProps {
  role: Role;
  mode: 'create' | 'edit';
  RegionPicker: RegionPickerSlot;
  /** Milliseconds to wait after typing an owner's name before searching. */
  ownerSearchDelayMs?: number;
}

/** Create and edit an enterprise; the page loads the saved record first when editing. */
export function EnterpriseForm({ role, mode, RegionPicker, ownerSearchDelayMs }: EnterpriseFormProps) {
  const { t } = useTranslation();
  const params = useParams();
  const enterpriseId = Number(params.id);
  const editing = mode === 'edit';
  const saved = useEnterprise(enterpriseId > 0 ? enterpriseId : null, editing);
  useDocumentTitle(editing ? t('registry.form.titleEdit', { name: saved.data?.name ?? '' }) : t('registry.form.titleNew'));

  if (editing && !saved.data) {
    return (
      <>
        <h1 tabIndex={-1}>{t('registry.form.titleEdit', { name: '' })}</h1>
        {saved.isError ? (
          <Alert tone="error">{problemMessage(t, saved.error)}</Alert>
        ) : (
          <p role="status">{t('registry.detail.loading')}</p>
        )}
      </>
    );
  }
  return (
    <FormBody
      key={saved.data?.id ?? 'new'}
      role={role}
      original={saved.data ?? null}
      RegionPicker={RegionPicker}
      ownerSearchDelayMs={ownerSearchDelayMs}
    />
  );
}

interface FormBodyProps {
  role: Role;
  original: Enterprise | null;
  RegionPicker: RegionPickerSlot;
  ownerSearchDelayMs: number | undefined;
}

function FormBody({ role, original, RegionPicker, ownerSearchDelayMs }: FormBodyProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useEnterpriseForm(original, role, formRef);
  const { back, renewal, server, submitting } = form;
  const title = original ? t('registry.form.titleEdit', { name: original.name }) : t('registry.form.titleNew');
  const cancelTo = back ?? (original ? enterprisePath(original.id) : REGISTRY_PATH);

  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="muted">{t('registry.form.intro')}</p>
      <FormAlerts fieldsWithProblems={form.fieldsWithProblems} fixBelow={t('registry.form.fixBelow')} general={server.general} />

      <form ref={formRef} className="form form--wide" onSubmit={(event) => void form.onSubmit(event)} noValidate aria-busy={submitting}>
        <OwnerFieldset form={form} id={id} ownerSearchDelayMs={ownerSearchDelayMs} />
        <BusinessFieldset form={form} RegionPicker={RegionPicker} />
        <FiguresFieldset form={form} id={id} />
        <SubmitRow
          submitting={submitting}
          labels={{
            submit: original
              ? renewal
                ? t('registry.form.submitAndVerify')
                : t('registry.form.submitEdit')
              : t('registry.form.submitNew'),
            saving: t('registry.form.submitting'),
          }}
        >
          <Link to={cancelTo} className="button button--secondary">
            {t('registry.form.cancel')}
          </Link>
        </SubmitRow>
      </form>
    </>
  );
}
