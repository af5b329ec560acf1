import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, Link, RouterProvider, useLocation, useSearchParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DefaultFilter } from './DefaultFilter';

/** A list page that says what it was asked for, with a way to clear its filters. */
function ListPage() {
  const location = useLocation();
  const [, setParams] = useSearchParams();
  return (
    <>
      <p data-testid="asked">{`${location.pathname}${location.search}`}</p>
      <button type="button" onClick={() => setParams({})}>
        {'clear'}
      </button>
      <Link to="/registry/1">{'open'}</Link>
    </>
  );
}

function renderAt(entries: string[], value: string | null = '35.79') {
  const renders: string[] = [];
  function Recording() {
    const location = useLocation();
    renders.push(location.search);
    return <ListPage />;
  }
  const router = createMemoryRouter(
    [
      {
        path: '/registry',
        element: (
          <DefaultFilter name="region" value={value}>
            <Recording />
          </DefaultFilter>
        ),
      },
      { path: '/registry/1', element: <p>{'record'}</p> },
      { path: '/start', element: <p>{'start'}</p> },
    ],
    { initialEntries: entries, initialIndex: entries.length - 1 },
  );
  render(<RouterProvider router={router} />);
  return { router, renders };
}

describe('DefaultFilter', () => {
  it('opens a page with nothing in its address on the default, and the page never asks for the unfiltered list', async () => {
    const { router, renders } = renderAt(['/registry']);
    expect((await screen.findByTestId('asked')).textContent).toBe('/registry?region=35.79');
    expect(renders).not.toContain('');
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('keeps an address that already has filters, e.g. a shared link', async () => {
    renderAt(['/registry?sector=batik']);
    expect((await screen.findByTestId('asked')).textContent).toBe('/registry?sector=batik');
  });

  it('adds nothing for a reader without a home area', async () => {
    renderAt(['/registry'], null);
    expect((await screen.findByTestId('asked')).textContent).toBe('/registry');
  });

  it('lets a reader clear the filter: it is applied once per visit', async () => {
    renderAt(['/registry']);
    await screen.findByText('/registry?region=35.79');
    act(() => screen.getByRole('button', { name: 'clear' }).click());
    expect(screen.getByTestId('asked').textContent).toBe('/registry');
  });

  it('returns by Back to the address as it was, unfiltered', async () => {
    const { router } = renderAt(['/start', '/registry', '/registry/1']);
    await screen.findByText('record');
    await act(() => router.navigate(-1));
    expect((await screen.findByTestId('asked')).textContent).toBe('/registry');
  });
});
