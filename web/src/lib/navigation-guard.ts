// Stopping a navigation while a page holds unsaved work, without a data router. react-router's
// useBlocker needs createBrowserRouter, whose data machinery (loaders, actions, fetchers) would
// add some 14 KB to every first visit and put the group workspace over its 200 KB budget. The
// app keeps its light declarative router and gives it a history (unstable_HistoryRouter) that
// asks a NavigationGuard before it moves: a link, navigate() and Back alike.
import { createContext } from 'react';
import { NavigationType, type HistoryRouterProps, type To } from 'react-router';

export type GuardedHistory = HistoryRouterProps['history'];

type Listener = Parameters<GuardedHistory['listen']>[0];

/**
 * Whether anything holds the page, and the navigation it stopped. Pages hold it with `hold()`
 * while they have unsaved work; a stopped navigation waits until `proceed()` (leave) or
 * `reset()` (stay). `subscribe`/`stopped` suit useSyncExternalStore.
 */
export class NavigationGuard {
  private holders = 0;
  private pending: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();

  /** Holds the page until the returned release is called. */
  hold(): () => void {
    this.holders += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders -= 1;
      if (this.holders === 0 && this.pending) {
        this.pending = null;
        this.notify();
      }
    };
  }

  /** Whether a navigation is waiting for the reader's answer. */
  readonly stopped = (): boolean => this.pending !== null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Called by the history before it moves: true when the move must wait (`resume` then makes it
   * later, if the reader leaves), false when it may go now.
   */
  intercept(resume: () => void): boolean {
    if (this.holders === 0) return false;
    this.pending = resume;
    this.notify();
    return true;
  }

  /** Leave: the stopped navigation goes ahead. */
  readonly proceed = (): void => {
    const resume = this.pending;
    this.pending = null;
    this.notify();
    resume?.();
  };

  /** Stay: the stopped navigation is dropped. */
  readonly reset = (): void => {
    this.pending = null;
    this.notify();
  };

  private notify() {
    for (const listener of this.listeners) listener();
  }
}

/** The same page: a move that keeps the path (a new query, a hash) keeps the page and its work. */
function samePage(a: { pathname: string }, b: { pathname: string }): boolean {
  return a.pathname === b.pathname;
}

/**
 * A history that asks `guard` before it moves. push and replace wait for the answer. Back and
 * Forward have moved the browser already when they are heard: the history steps back to where
 * it was (unheard by the router) and moves again only if the reader leaves.
 */
export function guardHistory(base: GuardedHistory, guard: NavigationGuard): GuardedHistory {
  /** Pops the guard caused by stepping back: the router never hears them. */
  let undoing = 0;
  /** Pops the reader chose to make: the router hears them without asking again. */
  let passing = 0;
  const move = (to: To, go: () => void) => {
    if (samePage(base.location, base.createURL(to)) || !guard.intercept(go)) go();
  };
  const pop = (delta: number) => () => {
    passing += 1;
    base.go(delta);
  };
  return {
    get action() {
      return base.action;
    },
    get location() {
      return base.location;
    },
    createHref: (to) => base.createHref(to),
    createURL: (to) => base.createURL(to),
    encodeLocation: (to) => base.encodeLocation(to),
    push: (to, state?: unknown) => move(to, () => base.push(to, state)),
    replace: (to, state?: unknown) => move(to, () => base.replace(to, state)),
    go: (delta) => {
      if (!guard.intercept(pop(delta))) pop(delta)();
    },
    listen: (listener: Listener) => {
      let shown = base.location;
      return base.listen((update) => {
        if (undoing > 0) {
          undoing -= 1;
          return;
        }
        const { delta } = update;
        if (update.action === NavigationType.Pop && passing > 0) {
          passing -= 1;
        } else if (update.action === NavigationType.Pop && delta && !samePage(shown, update.location) && guard.intercept(pop(delta))) {
          undoing += 1;
          base.go(-delta);
          return;
        }
        shown = update.location;
        listener(update);
      });
    },
  };
}

/** The app's guard; null where no guarded history is mounted (a page then guards only unloads). */
export const NavigationGuardContext = createContext<NavigationGuard | null>(null);
