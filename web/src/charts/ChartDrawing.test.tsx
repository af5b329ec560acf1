import { render } from '@testing-library/react';
import { Bar } from 'recharts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChartDrawing, percentTick } from './ChartDrawing';

// jsdom lays nothing out: give every box a size, so that a responsive chart draws.
beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element) {
        this.callback([{ target, contentRect: { width: 600, height: 300 } } as unknown as ResizeObserverEntry], this);
      }
      unobserve() {}
      disconnect() {}
    },
  );
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, bottom: 300, right: 600, width: 600, height: 300, toJSON: () => ({}) });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(300);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const DATA = [
  { label: 'Sep', value: 2 },
  { label: 'Oct', value: 5 },
];

// Every category named (jsdom measures each name as wide as the chart, so recharts would thin them).
const CATEGORIES = { dataKey: 'label', interval: 0 } as const;

function draw(layout: 'columns' | 'rows') {
  const { container } = render(
    <ChartDrawing kind="bar" layout={layout} data={DATA} height={200} x={layout === 'rows' ? {} : CATEGORIES} y={layout === 'rows' ? CATEGORIES : {}}>
      <Bar dataKey="value" isAnimationActive={false} />
    </ChartDrawing>,
  );
  return container;
}

/** What an axis says, tick after tick. */
const axisText = (container: HTMLElement, axis: 'x' | 'y') =>
  [...container.querySelectorAll(`.recharts-${axis}Axis-tick-labels .recharts-cartesian-axis-tick-value`)].map((tick) => tick.textContent).join('');

describe('ChartDrawing', () => {
  it('draws columns over a grid of lines across the values, as wide as its box and as high as asked', async () => {
    const container = draw('columns');
    await vi.waitFor(() => expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2));
    expect(container.querySelector('.recharts-wrapper')).toHaveStyle({ width: '100%', height: '200px' });
    expect(container.querySelector('.recharts-cartesian-grid-horizontal')).not.toBeNull();
    expect(container.querySelector('.recharts-cartesian-grid-vertical')).toBeNull();
    expect(axisText(container, 'x')).toBe('SepOct');
  });

  it('draws rows with the categories down the side and the grid upright across the values', async () => {
    const container = draw('rows');
    await vi.waitFor(() => expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2));
    expect(container.querySelector('.recharts-cartesian-grid-vertical')).not.toBeNull();
    expect(container.querySelector('.recharts-cartesian-grid-horizontal')).toBeNull();
    expect(axisText(container, 'y')).toBe('SepOct');
  });

  it('writes every tick in 12px type and keeps the drawing out of the keyboard order', async () => {
    const container = draw('columns');
    await vi.waitFor(() => expect(container.querySelectorAll('.recharts-cartesian-axis-tick-value').length).toBeGreaterThan(0));
    for (const tick of container.querySelectorAll('.recharts-cartesian-axis-tick-value')) expect(tick).toHaveAttribute('font-size', '12');
    expect(container.querySelector('.recharts-surface')).not.toHaveAttribute('tabindex', '0');
  });
});

describe('percentTick', () => {
  it('writes a value as a whole percent', () => {
    expect(percentTick(40)).toBe('40%');
    expect(percentTick('7')).toBe('7%');
  });
});
