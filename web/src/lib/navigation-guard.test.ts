import { UNSAFE_createMemoryHistory } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { guardHistory, NavigationGuard } from './navigation-guard';

/** A guarded memory history at /page with /start behind it, and what its router heard. */
function setup() {
  const guard = new NavigationGuard();
  const history = guardHistory(UNSAFE_createMemoryHistory({ initialEntries: ['/start', '/page'], initialIndex: 1, v5Compat: true }), guard);
  const heard: string[] = [];
  history.listen((update) => heard.push(`${update.action} ${update.location.pathname}`));
  return { guard, history, heard };
}

describe('a guarded history', () => {
  it('moves freely while nothing holds the page', () => {
    const { history, heard } = setup();
    history.push('/other');
    history.go(-1);
    expect(heard).toEqual(['PUSH /other', 'POP /page']);
  });

  it('keeps a push waiting while the page is held, and makes it only when the reader leaves', () => {
    const { guard, history, heard } = setup();
    const onChange = vi.fn();
    guard.subscribe(onChange);
    guard.hold();
    history.push('/other');
    expect(heard).toEqual([]);
    expect(guard.stopped()).toBe(true);
    expect(onChange).toHaveBeenCalledTimes(1);
    guard.proceed();
    expect(heard).toEqual(['PUSH /other']);
    expect(guard.stopped()).toBe(false);
  });

  it('steps a held Back back unheard, and goes back only when the reader leaves', () => {
    const { guard, history, heard } = setup();
    const release = guard.hold();
    history.go(-1);
    expect(heard).toEqual([]);
    expect(history.location.pathname).toBe('/page');
    guard.reset();
    expect(history.location.pathname).toBe('/page');

    history.go(-1);
    guard.proceed();
    expect(heard).toEqual(['POP /start']);
    release(); // the page is gone

    // On the page again with new work, the next Back is asked about again.
    history.push('/page');
    guard.hold();
    history.go(-1);
    expect(heard).toEqual(['POP /start', 'PUSH /page']);
    expect(guard.stopped()).toBe(true);
    expect(history.location.pathname).toBe('/page');
  });

  it('lets a move within the same page through, and forgets a stopped move once the page is let go', () => {
    const { guard, history, heard } = setup();
    const release = guard.hold();
    history.replace('/page?tab=2');
    expect(heard).toEqual(['REPLACE /page']);
    history.push('/other');
    expect(guard.stopped()).toBe(true);
    release();
    expect(guard.stopped()).toBe(false);
    history.push('/other');
    expect(heard).toEqual(['REPLACE /page', 'PUSH /other']);
  });
});
