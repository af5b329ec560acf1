import type { CSSProperties } from 'react';

export interface LegendKey {
  /** What the key stands for. */
  label: string;
  /** Its look, a modifier of `chart__key` in styles.css (`met`, `short`, `cash`…); `swatch` takes `colour`. */
  look: string;
  /** A swatch's colour. */
  colour?: string;
}

/** The keys above a chart, for the eye only: the table beside the chart names each figure. */
export function ChartLegend({ keys }: { keys: readonly LegendKey[] }) {
  return (
    <p className="chart__legend" aria-hidden="true">
      {keys.map((key) => (
        <span
          key={`${key.look}-${key.label}`}
          className={`chart__key chart__key--${key.look}`}
          style={key.colour === undefined ? undefined : ({ '--key': key.colour } as CSSProperties)}
        >
          {key.label}
        </span>
      ))}
    </p>
  );
}
