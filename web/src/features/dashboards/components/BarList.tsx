import type { CSSProperties } from 'react';

export interface BarItem {
  key: string;
  label: string;
  /** The bar's length, 0..100 of the track. */
  percent: number;
  /** A part of the bar filled darker, 0..100 of the track (served inside the registry's count). */
  inner?: number;
  /** The figure written beside the bar. */
  text: string;
  colour?: string;
}

export interface LegendItem {
  label: string;
  /** `track` is the light whole, `fill` the dark part of a bar. */
  tone: 'track' | 'fill';
  colour?: string;
}

interface BarListProps {
  caption: string;
  items: readonly BarItem[];
  legend?: readonly LegendItem[];
  testId?: string;
  /** Choosing a bar (drill-down); the table under the chart offers the same to keyboards and screen readers. */
  onSelect?: (key: string) => void;
}

const paint = (colour: string | undefined): CSSProperties | undefined => (colour ? { background: colour } : undefined);

/**
 * Horizontal bars drawn in HTML: they wrap and stay readable on a 360 px phone, each row's name above
 * its bar there and beside it on a desktop. The table behind the chart holds the same figures for
 * screen readers, so the drawing is hidden from them.
 */
export function BarList({ caption, items, legend = [], testId, onSelect }: BarListProps) {
  return (
    <figure className="chart bars" data-testid={testId}>
      <figcaption className="chart__caption">{caption}</figcaption>
      <div aria-hidden="true">
        {legend.length > 0 ? (
          <p className="bars__legend">
            {legend.map((item) => (
              <span key={item.label} className={`bars__key bars__key--${item.tone}`}>
                <span className="bars__swatch" style={paint(item.colour)} />
                {item.label}
              </span>
            ))}
          </p>
        ) : null}
        <ol className="bars__list">
          {items.map((item) => (
            <li key={item.key} className="bars__row" data-key={item.key}>
              {onSelect ? (
                <button type="button" tabIndex={-1} className="bars__label bars__label--link" onClick={() => onSelect(item.key)}>
                  {item.label}
                </button>
              ) : (
                <span className="bars__label">{item.label}</span>
              )}
              <span className="bars__track">
                <span className={item.inner !== undefined ? 'bars__bar bars__bar--track' : 'bars__bar'} style={{ width: `${item.percent}%`, ...paint(item.colour) }} />
                {item.inner !== undefined ? <span className="bars__inner" style={{ width: `${item.inner}%` }} /> : null}
              </span>
              <span className="bars__value">{item.text}</span>
            </li>
          ))}
        </ol>
      </div>
    </figure>
  );
}
