interface ProgressBarProps {
  /** Whole percent, 0..100. */
  percent: number;
  label: string;
  /** The text beside the bar, e.g. "45% (540 KB dari 1,2 MB)". */
  valueText: string;
}

/** A progress bar that screen readers announce with its label and value. */
export function ProgressBar({ percent, label, valueText }: ProgressBarProps) {
  const clamped = Math.min(100, Math.max(0, Math.round(percent)));
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        aria-valuetext={valueText}
      >
        <div className="progress__fill" style={{ width: `${clamped}%` }} />
      </div>
      <p className="progress__text">{valueText}</p>
    </div>
  );
}
