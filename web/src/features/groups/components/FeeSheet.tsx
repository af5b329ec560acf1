import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Alert } from '../../../components/Alert';
import { FieldErrors } from '../../../components/field-parts';
import { formatDay } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useSubmission } from '../../../lib/use-submission';
import type { FeeSheetState } from '../hooks/use-fee-sheet';
import { useRecordFees } from '../hooks/use-group-mutations';
import type { MeetingView } from '../types';
import { groupProblemMessage, NO_SHEET_MESSAGES, sheetMessages, type SheetMessages } from '../types/errors';
import { checkFeeSheet, feeSheetErrors, feeSheetTotal, tickedLines, type FeeSheetInput, type FeeSheetLine } from '../types/fee-sheet';

/** A refused sheet in words: each line's beside its member, the rest (and a summary) above the save. */
export function wordFeeSheetErrors(t: TFunction, error: unknown, sent: FeeSheetInput): SheetMessages {
  return sheetMessages(t, error, feeSheetErrors(error, sent), (count) => t('groups.feeSheet.notSaved', { count }), 'treasury');
}

interface LineProps {
  line: FeeSheetLine;
  sheet: FeeSheetState;
  errors: string[];
  idPrefix: string;
}

/** One member: a tick for "paid" and what she paid; a member the meeting holds already says so. */
function Line({ line, sheet, errors, idPrefix }: LineProps) {
  const { t } = useTranslation();
  const checkId = `${idPrefix}-paid-${line.member_id}`;
  const amountId = `${idPrefix}-amount-${line.member_id}`;
  const errorId = `${idPrefix}-error-${line.member_id}`;
  if (line.recorded !== null) {
    return (
      <li className="fee-line fee-line--recorded" data-testid={`fee-line-${line.member_id}`}>
        <span className="fee-line__name">{line.name}</span>
        <span className="fee-line__recorded">{t('groups.feeSheet.recorded', { amount: formatRupiah(line.recorded) })}</span>
      </li>
    );
  }
  return (
    <li className={line.ticked ? 'fee-line fee-line--ticked' : 'fee-line'} data-testid={`fee-line-${line.member_id}`}>
      <input
        id={checkId}
        type="checkbox"
        className="check__input fee-line__check"
        checked={line.ticked}
        onChange={(e) => sheet.change(line.member_id, { ticked: e.target.checked })}
      />
      <label htmlFor={checkId} className="fee-line__name">
        {line.name}
        {line.attended ? <span className="fee-line__attended">{t('groups.feeSheet.attended')}</span> : null}
      </label>
      <input
        id={amountId}
        className="field__input fee-line__amount"
        inputMode="numeric"
        autoComplete="off"
        aria-label={t('groups.feeSheet.amountLabel', { name: line.name })}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={errors.length > 0 ? errorId : undefined}
        disabled={!line.ticked}
        value={line.amount}
        onChange={(e) => sheet.change(line.member_id, { amount: e.target.value })}
      />
      <FieldErrors id={errorId} messages={errors} className="field__errors fee-line__errors" />
    </li>
  );
}

interface FeeSheetProps {
  groupId: number;
  meeting: MeetingView;
  sheet: FeeSheetState;
}

/**
 * "Catat iuran" after a meeting: every active member on one sheet, those present ticked with the
 * month's fee; the leader unticks who did not pay or changes an amount, and one save posts them
 * all (POST …/fees). What the meeting holds already is shown and not offered again.
 */
export function FeeSheet({ groupId, meeting, sheet }: FeeSheetProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const record = useRecordFees(groupId);
  const { submitting, submit } = useSubmission();
  const [errors, setErrors] = useState<SheetMessages>(NO_SHEET_MESSAGES);
  const [saved, setSaved] = useState<{ count: number; total: number } | null>(null);
  const { lines } = sheet;
  const recordedCount = sheet.recorded?.size ?? 0;
  const recordedTotal = [...(sheet.recorded?.values() ?? [])].reduce((sum, amount) => sum + amount, 0);
  const ticked = lines ? tickedLines(lines).length : 0;
  const total = lines ? feeSheetTotal(lines) : 0;
  const open = lines?.some((line) => line.recorded === null) ?? false;

  async function onSave() {
    if (!lines) return;
    setSaved(null);
    const checked = checkFeeSheet(lines, meeting, meeting.held_on);
    if (!checked.body) {
      const byMember: Record<number, string[]> = {};
      for (const [memberId, problems] of checked.byMember) byMember[memberId] = problems.map((p) => t(p.key, p.values));
      const general = checked.sheet ? [t(checked.sheet.key, checked.sheet.values)] : [];
      if (checked.byMember.size > 0) general.unshift(t('groups.feeSheet.notSaved', { count: checked.byMember.size }));
      setErrors({ byMember, general });
      return;
    }
    const body = checked.body;
    setErrors(NO_SHEET_MESSAGES);
    await submit(body, (key) => record.mutateAsync({ body, idempotencyKey: key }), {
      onSuccess: (answer) => {
        setSaved({ count: answer.items.length, total: answer.items.reduce((sum, entry) => sum + entry.amount, 0) });
        sheet.close();
      },
      onError: (error) => setErrors(wordFeeSheetErrors(t, error, body)),
    });
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="fee-sheet">
      <h3 id={`${id}-title`}>{t('groups.feeSheet.title')}</h3>
      {sheet.failure ? <Alert tone="error">{groupProblemMessage(t, sheet.failure)}</Alert> : null}
      {saved ? (
        <Alert tone="success">{t('groups.feeSheet.saved', { count: saved.count, amount: formatRupiah(saved.total) })}</Alert>
      ) : null}
      {lines === null && !sheet.failure ? <p role="status">{t('groups.feeSheet.loading')}</p> : null}
      {lines !== null ? (
        <p className="muted" data-testid="fee-sheet-recorded">
          {recordedCount > 0
            ? t('groups.feeSheet.recordedSummary', { count: recordedCount, amount: formatRupiah(recordedTotal) })
            : t('groups.feeSheet.noneRecorded')}
        </p>
      ) : null}
      {lines !== null && !sheet.open && open ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setSaved(null);
            setErrors(NO_SHEET_MESSAGES);
            sheet.start();
          }}
        >
          {t('groups.feeSheet.open')}
        </button>
      ) : null}
      {lines !== null && sheet.open ? (
        <>
          <p className="muted">
            {sheet.fee === null
              ? t('groups.feeSheet.introNoRule', { date: formatDay(meeting.held_on, i18n.resolvedLanguage, 'long') })
              : t('groups.feeSheet.intro', {
                  amount: formatRupiah(sheet.fee),
                  date: formatDay(meeting.held_on, i18n.resolvedLanguage, 'long'),
                })}
          </p>
          <button type="button" className="button button--secondary button--block fee-sheet__all" onClick={sheet.tickAll}>
            {t('groups.feeSheet.tickAll')}
          </button>
          <ul className="fee-lines">
            {lines.map((line) => (
              <Line key={line.member_id} line={line} sheet={sheet} errors={errors.byMember[line.member_id] ?? []} idPrefix={id} />
            ))}
          </ul>
          <div className="save-bar">
            {errors.general.length > 0 ? <Alert tone="error">{errors.general.join(' ')}</Alert> : null}
            <p className="save-bar__counts" aria-live="polite" data-testid="fee-sheet-total">
              {t('groups.feeSheet.total', { count: ticked, amount: formatRupiah(total) })}
            </p>
            <div className="button-row">
              <button type="button" className="button button--primary" disabled={submitting || ticked === 0} onClick={() => void onSave()}>
                {submitting ? t('groups.feeSheet.saving') : t('groups.feeSheet.save')}
              </button>
              <button type="button" className="button button--secondary" disabled={submitting} onClick={sheet.close}>
                {t('groups.feeSheet.cancel')}
              </button>
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
