// jsdom has no window.matchMedia. Tests choose a viewport width and media queries with
// min-width / max-width in px or rem (16px) are answered for it.

let width = 1280;

function matches(query: string): boolean {
  return query.split(',').some((part) =>
    [...part.matchAll(/\((min|max)-width:\s*([\d.]+)(px|rem|em)\)/g)].every((m) => {
      const px = Number(m[2]) * (m[3] === 'px' ? 1 : 16);
      return m[1] === 'min' ? width >= px : width <= px;
    }),
  );
}

/** Pretends the window is `px` wide: 360 for a phone, 1280 (the default) for a desktop. */
export function setViewportWidth(px: number): void {
  width = px;
}

export function installMatchMedia(): void {
  width = 1280;
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      media: query,
      matches: matches(query),
      onchange: null,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
