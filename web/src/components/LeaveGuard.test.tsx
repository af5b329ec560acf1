import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../test/render';
import { LeaveGuard } from './LeaveGuard';

/** A page with a piece of unsaved work that a button makes and a second one saves. */
function Page() {
  const [unsaved, setUnsaved] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setUnsaved(true)}>
        {'tap'}
      </button>
      <button type="button" onClick={() => setUnsaved(false)}>
        {'save'}
      </button>
      <Link to="/other">{'away'}</Link>
      <LeaveGuard unsaved={unsaved} question="1 pilihan belum disimpan." />
    </>
  );
}

function renderPage() {
  const router = createMemoryRouter(
    [
      { path: '/start', element: <p>{'start'}</p> },
      { path: '/page', element: <Page /> },
      { path: '/other', element: <p>{'other'}</p> },
    ],
    { initialEntries: ['/start', '/page'], initialIndex: 1 },
  );
  renderWithI18n(<RouterProvider router={router} />);
  return router;
}

const beforeUnloadPrevented = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('LeaveGuard', () => {
  it('lets the page go freely while nothing is unsaved', async () => {
    const user = userEvent.setup();
    const router = renderPage();
    expect(beforeUnloadPrevented()).toBe(false);
    await user.click(screen.getByRole('link', { name: 'away' }));
    expect(router.state.location.pathname).toBe('/other');
  });

  it('stops Back as well as a link while work is unsaved, and asks in the page', async () => {
    const user = userEvent.setup();
    const router = renderPage();
    await user.click(screen.getByRole('button', { name: 'tap' }));
    expect(beforeUnloadPrevented()).toBe(true);

    await act(() => router.navigate(-1));
    const question = await screen.findByRole('alertdialog');
    expect(question).toHaveTextContent('1 pilihan belum disimpan.');
    expect(within(question).getByText('1 pilihan belum disimpan.')).toHaveFocus();
    expect(router.state.location.pathname).toBe('/page');
    await user.click(within(question).getByRole('button', { name: 'Tetap di halaman ini' }));
    expect(router.state.location.pathname).toBe('/page');

    await user.click(screen.getByRole('link', { name: 'away' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Tinggalkan tanpa menyimpan' }));
    expect(router.state.location.pathname).toBe('/other');
    expect(beforeUnloadPrevented()).toBe(false);
  });

  it('stops asking once the work is saved', async () => {
    const user = userEvent.setup();
    const router = renderPage();
    await user.click(screen.getByRole('button', { name: 'tap' }));
    await user.click(screen.getByRole('button', { name: 'save' }));
    expect(beforeUnloadPrevented()).toBe(false);
    await user.click(screen.getByRole('link', { name: 'away' }));
    expect(router.state.location.pathname).toBe('/other');
  });
});
