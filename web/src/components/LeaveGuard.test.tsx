import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Link, Route, Routes, unstable_HistoryRouter as HistoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { NavigationGuardContext } from '../lib/navigation-guard';
import { guardedMemoryHistory } from '../test/fixtures';
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
      <Link to="/page?tab=2">{'same page'}</Link>
      <LeaveGuard unsaved={unsaved} question="1 pilihan belum disimpan." />
    </>
  );
}

/** At /page, with /start behind it in the history. */
function renderPage() {
  const { guard, history } = guardedMemoryHistory(['/start', '/page']);
  renderWithI18n(
    <NavigationGuardContext.Provider value={guard}>
      <HistoryRouter history={history}>
        <Routes>
          <Route path="/start" element={<p>{'start'}</p>} />
          <Route path="/page" element={<Page />} />
          <Route path="/other" element={<p>{'other'}</p>} />
        </Routes>
      </HistoryRouter>
    </NavigationGuardContext.Provider>,
  );
  return history;
}

const beforeUnloadPrevented = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('LeaveGuard', () => {
  it('lets the page go freely while nothing is unsaved', async () => {
    const user = userEvent.setup();
    const history = renderPage();
    expect(beforeUnloadPrevented()).toBe(false);
    await user.click(screen.getByRole('link', { name: 'away' }));
    expect(history.location.pathname).toBe('/other');
    expect(screen.getByText('other')).toBeInTheDocument();
  });

  it('stops a link while work is unsaved, and asks in the page: stay keeps it, leave goes', async () => {
    const user = userEvent.setup();
    const history = renderPage();
    await user.click(screen.getByRole('button', { name: 'tap' }));
    expect(beforeUnloadPrevented()).toBe(true);

    await user.click(screen.getByRole('link', { name: 'away' }));
    const question = await screen.findByRole('alertdialog');
    expect(within(question).getByText('1 pilihan belum disimpan.')).toHaveFocus();
    expect(history.location.pathname).toBe('/page');
    await user.click(within(question).getByRole('button', { name: 'Tetap di halaman ini' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(history.location.pathname).toBe('/page');

    await user.click(screen.getByRole('link', { name: 'away' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Tinggalkan tanpa menyimpan' }));
    expect(history.location.pathname).toBe('/other');
    expect(screen.getByText('other')).toBeInTheDocument();
    expect(beforeUnloadPrevented()).toBe(false);
  });

  it('stops Back the same way: staying puts the history back where it was, leaving goes back', async () => {
    const user = userEvent.setup();
    const history = renderPage();
    await user.click(screen.getByRole('button', { name: 'tap' }));

    act(() => history.go(-1));
    expect(await screen.findByRole('alertdialog')).toBeInTheDocument();
    expect(history.location.pathname).toBe('/page');
    await user.click(screen.getByRole('button', { name: 'Tetap di halaman ini' }));
    expect(history.location.pathname).toBe('/page');
    expect(screen.getByRole('button', { name: 'tap' })).toBeInTheDocument();

    act(() => history.go(-1));
    await user.click(await screen.findByRole('button', { name: 'Tinggalkan tanpa menyimpan' }));
    expect(history.location.pathname).toBe('/start');
    expect(screen.getByText('start')).toBeInTheDocument();
  });

  it('does not ask for a move within the same page, nor once the work is saved', async () => {
    const user = userEvent.setup();
    const history = renderPage();
    await user.click(screen.getByRole('button', { name: 'tap' }));
    await user.click(screen.getByRole('link', { name: 'same page' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(history.location.search).toBe('?tab=2');

    await user.click(screen.getByRole('button', { name: 'save' }));
    expect(beforeUnloadPrevented()).toBe(false);
    await user.click(screen.getByRole('link', { name: 'away' }));
    expect(history.location.pathname).toBe('/other');
  });
});
