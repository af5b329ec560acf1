import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors } from '../../../components/field-parts';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatBytes } from '../../../lib/format';

export interface PhotoProgress {
  sent: number;
  total: number;
}

interface PhotoPickerProps {
  /** The photo chosen, or null. */
  file: File | null;
  onChange: (file: File | null) => void;
  errors: string[];
  /** While it is being sent: how much has gone. */
  progress: PhotoProgress | null;
  disabled?: boolean;
  testId?: string;
}

interface PhotoSourceProps {
  label: string;
  /** The kinds of file offered. */
  accept: string;
  /** `environment` opens the back camera at once. */
  capture?: 'environment';
  disabled: boolean;
  testId: string;
  onPick: (input: HTMLInputElement) => void;
}

/** One way to choose the photo: a button that is the label of a hidden file input. */
function PhotoSource({ label, accept, capture, disabled, testId, onPick }: PhotoSourceProps) {
  return (
    <label className={`button button--secondary${disabled ? ' button--disabled' : ''}`}>
      {label}
      <input
        className="visually-hidden"
        type="file"
        accept={accept}
        capture={capture}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => onPick(event.currentTarget)}
      />
    </label>
  );
}

/**
 * A photo of what failed, from the phone's camera or its gallery: two big buttons (the camera one
 * opens the back camera at once), a preview of the photo chosen with its size, and while it is
 * sent a progress bar. The preview is read as a data: URL (the page's Content-Security-Policy
 * allows those images, not blob: ones).
 */
export function PhotoPicker({ file, onChange, errors, progress, disabled = false, testId }: PhotoPickerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  // The preview of the file it was read from: a new choice shows nothing until it has been read.
  const [preview, setPreview] = useState<{ file: File; url: string } | null>(null);

  useEffect(() => {
    if (!file) return undefined;
    let live = true;
    const reader = new FileReader();
    reader.onload = () => {
      if (live && typeof reader.result === 'string' && reader.result.startsWith('data:image/')) setPreview({ file, url: reader.result });
    };
    reader.readAsDataURL(file);
    return () => {
      live = false;
      reader.abort();
    };
  }, [file]);
  const shown = preview && preview.file === file ? preview.url : null;

  const pick = (input: HTMLInputElement) => {
    const chosen = input.files?.[0] ?? null;
    onChange(chosen);
    // The same photo chosen again still counts as a change.
    input.value = '';
  };
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const language = i18n.resolvedLanguage;

  return (
    <fieldset className="photo-picker" aria-describedby={errorId} data-testid={testId}>
      <legend className="field__label">{t('mentoring.help.photo.label')}</legend>
      <p className="field__hint">{t('mentoring.help.photo.hint')}</p>
      <div className="button-row photo-picker__buttons">
        <PhotoSource
          label={t('mentoring.help.photo.camera')}
          accept="image/*"
          capture="environment"
          disabled={disabled}
          testId="photo-camera"
          onPick={pick}
        />
        <PhotoSource
          label={t('mentoring.help.photo.gallery')}
          accept="image/jpeg,image/png,image/webp,image/*"
          disabled={disabled}
          testId="photo-gallery"
          onPick={pick}
        />
      </div>
      {file ? (
        <div className="photo-picker__chosen" data-testid="photo-chosen">
          {shown ? <img className="photo-picker__preview" src={shown} alt={t('mentoring.help.photo.preview')} /> : null}
          <p className="muted">{t('mentoring.help.photo.chosen', { name: file.name, size: formatBytes(file.size, language) })}</p>
          {!disabled ? (
            <button type="button" className="button button--secondary" onClick={() => onChange(null)}>
              {t('mentoring.help.photo.remove')}
            </button>
          ) : null}
        </div>
      ) : null}
      {progress ? (
        <ProgressBar
          percent={progress.total > 0 ? (progress.sent / progress.total) * 100 : 0}
          label={t('mentoring.help.photo.sending')}
          valueText={t('mentoring.help.photo.progress', {
            percent: progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0,
            sent: formatBytes(progress.sent, language),
            total: formatBytes(progress.total, language),
          })}
        />
      ) : null}
      <FieldErrors id={errorId} messages={errors} live />
    </fieldset>
  );
}
