import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Alert } from '../../../components/Alert';
import { FieldErrors } from '../../../components/field-parts';
import { useSubmission } from '../../../lib/use-submission';
import { useRecordVotes } from '../hooks/use-group-mutations';
import type { VoteSheetState } from '../hooks/use-vote-sheet';
import type { DeliberationView, GroupView, VoteSheetInput } from '../types';
import { groupProblemMessage, NO_SHEET_MESSAGES, sheetMessages, type SheetMessages } from '../types/errors';
import { choiceLabel, choicesOf, sheetBody, sheetErrors, shownChoice, type Choice, type SheetRow } from '../types/votes';

/** A refused sheet in words: each line's beside its member, the rest (and a summary) above the save. */
export function wordSheetErrors(t: TFunction, error: unknown, sent: VoteSheetInput): SheetMessages {
  return sheetMessages(t, error, sheetErrors(error, sent), (count) => t('groups.deliberation.record.notSaved', { count }));
}

interface ChoiceButtonsProps {
  deliberation: DeliberationView;
  label: string;
  pressed: Choice | undefined;
  onTap: (choice: Choice) => void;
  describedBy?: string | undefined;
}

/** A big button per option and one for "against"; the pressed one is the choice shown. */
export function ChoiceButtons({ deliberation, label, pressed, onTap, describedBy }: ChoiceButtonsProps) {
  const { t } = useTranslation();
  const against = t('groups.deliberation.against');
  return (
    <div className="choices" role="group" aria-label={label} aria-describedby={describedBy}>
      {choicesOf(deliberation).map((choice) => (
        <button
          key={choice ?? 'against'}
          type="button"
          className={choice === null ? 'choice-button choice-button--against' : 'choice-button'}
          aria-pressed={pressed === choice}
          onClick={() => onTap(choice)}
        >
          {choiceLabel(deliberation, choice, against)}
        </button>
      ))}
    </div>
  );
}

interface SheetLineProps {
  deliberation: DeliberationView;
  row: SheetRow;
  sheet: VoteSheetState;
  errors: string[];
  errorId: string;
  open: boolean;
  onOpen: () => void;
}

/**
 * One member on the sheet. Members with an account of their own vote themselves: their line shows
 * the vote, or that they vote from their phone. A member without one gets the buttons; once her
 * vote is recorded it shows, and "Ubah" brings the buttons back to change it.
 */
function SheetLine({ deliberation, row, sheet, errors, errorId, open, onOpen }: SheetLineProps) {
  const { t } = useTranslation();
  const against = t('groups.deliberation.against');
  const voted = row.voted === undefined ? null : choiceLabel(deliberation, row.voted, against);
  const picked = sheet.unsaved.some((line) => line.member_id === row.member_id);
  let body;
  if (row.mode !== 'sheet') {
    const waiting = row.mode === 'caller' ? t('groups.deliberation.record.caller') : t('groups.deliberation.record.ownPhone');
    body = <p className="voter__done">{voted === null ? waiting : t('groups.deliberation.record.voted', { choice: voted })}</p>;
  } else if (voted !== null && !open && !picked && errors.length === 0) {
    body = (
      <p className="voter__done voter__done--row">
        <span>{t('groups.deliberation.record.voted', { choice: voted })}</span>
        <button
          type="button"
          className="button button--secondary"
          aria-label={t('groups.deliberation.record.changeLabel', { name: row.name })}
          onClick={onOpen}
        >
          {t('groups.deliberation.record.change')}
        </button>
      </p>
    );
  } else {
    body = (
      <>
        {voted !== null ? <p className="voter__done">{t('groups.deliberation.record.recorded', { choice: voted })}</p> : null}
        <ChoiceButtons
          deliberation={deliberation}
          label={t('groups.deliberation.record.choicesLabel', { name: row.name })}
          pressed={shownChoice(sheet.picks, row)}
          onTap={(choice) => sheet.tap(row, choice)}
          describedBy={errors.length > 0 ? errorId : undefined}
        />
      </>
    );
  }
  return (
    <li className={picked ? 'voter voter--picked' : 'voter'} data-testid={`voter-${row.member_id}`}>
      <p className="voter__name">{row.name}</p>
      {body}
      <FieldErrors id={errorId} messages={errors} />
    </li>
  );
}

/**
 * The leader or secretary's sheet for a meeting: one line per active member, taps kept until one
 * save sends them all (PUT …/votes), the count of choices not saved yet beside the button.
 */
export function VoteSheet({ group, deliberation, sheet }: { group: GroupView; deliberation: DeliberationView; sheet: VoteSheetState }) {
  const { t } = useTranslation();
  const id = useId();
  const record = useRecordVotes(group.id, deliberation.id);
  const { submitting, submit } = useSubmission();
  const [errors, setErrors] = useState<SheetMessages>(NO_SHEET_MESSAGES);
  const [saved, setSaved] = useState<number | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const { rows, members } = sheet;
  const count = sheet.unsaved.length;

  async function onSave() {
    const body = sheetBody(sheet.picks, rows ?? []);
    if (body === null) return;
    setErrors(NO_SHEET_MESSAGES);
    setSaved(null);
    await submit(body, (key) => record.mutateAsync({ body, idempotencyKey: key }), {
      onSuccess: () => {
        sheet.clear();
        setOpened(new Set());
        setSaved(body.votes.length);
      },
      onError: (error) => setErrors(wordSheetErrors(t, error, body)),
    });
  }

  const entered = rows?.some((row) => row.mode === 'sheet') ?? false;
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="vote-sheet">
      <h3 id={`${id}-title`}>{t('groups.deliberation.record.title')}</h3>
      <p className="muted">{t('groups.deliberation.record.intro')}</p>
      {members.isError ? <Alert tone="error">{groupProblemMessage(t, members.error)}</Alert> : null}
      {rows === null && !members.isError ? <p role="status">{t('groups.deliberation.record.loadingMembers')}</p> : null}
      {rows !== null && rows.length === 0 ? <p>{t('groups.deliberation.record.noMembers')}</p> : null}
      {rows !== null && rows.length > 0 ? (
        <ul className="voters">
          {rows.map((row) => (
            <SheetLine
              key={row.member_id}
              deliberation={deliberation}
              row={row}
              sheet={sheet}
              errors={errors.byMember[row.member_id] ?? []}
              errorId={`${id}-row-${row.member_id}`}
              open={opened.has(row.member_id)}
              onOpen={() => setOpened((current) => new Set(current).add(row.member_id))}
            />
          ))}
        </ul>
      ) : null}
      {entered ? (
        <div className="save-bar">
          {errors.general.length > 0 ? <Alert tone="error">{errors.general.join(' ')}</Alert> : null}
          {saved !== null && count === 0 ? <Alert tone="success">{t('groups.deliberation.record.saved', { count: saved })}</Alert> : null}
          <p className="save-bar__counts" aria-live="polite" data-testid="unsaved-count">
            {count > 0 ? t('groups.deliberation.record.unsaved', { count }) : t('groups.deliberation.record.nothingPicked')}
          </p>
          <button
            type="button"
            className="button button--primary button--block"
            disabled={submitting || count === 0}
            onClick={() => void onSave()}
          >
            {submitting
              ? t('groups.deliberation.record.saving')
              : count > 0
                ? t('groups.deliberation.record.save', { count })
                : t('groups.deliberation.record.saveNone')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
