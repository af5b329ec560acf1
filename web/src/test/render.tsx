// Test helper: renders UI inside the same providers the app uses (language, server state cache),
// in a chosen language, with a fresh cache per test.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiError } from '../lib/api-client';
import { createI18n, type Language } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

/** The app's query defaults, but a failed read fails at once: no test waits for a retry. */
export function createTestQueryClient(): QueryClient {
  return createQueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

export function renderWithI18n(
  ui: ReactElement,
  language: Language = 'id',
  queryClient: QueryClient = createTestQueryClient(),
): RenderResult & { queryClient: QueryClient } {
  const i18n = createI18n(language);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </QueryClientProvider>
  );
  return Object.assign(render(ui, { wrapper }), { queryClient });
}

/** A fetch Response carrying JSON, as the server would send it. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType, ...headers },
  });
}

/**
 * A refusal as the client throws it (an ApiError of `slug` and `status`) naming `errors`; each
 * error's English message is never to be shown, the app words its code instead.
 */
export function refusal(errors: { field: string; code: string; message?: string; params?: Record<string, string> }[], slug = 'conflict', status = 409) {
  return new ApiError({
    type: `urn:gotong:problem:${slug}`,
    status,
    title: slug,
    detail: '',
    errors: errors.map((e) => ({ message: 'english', params: {}, ...e })),
  });
}

/** The address a fetch stub was called with (a string, a URL or a Request). */
export function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** The JSON a request sent as its body; `T` is what the test expects to read from it. */
export function sentJson<T = unknown>(body: BodyInit | null | undefined): T {
  if (typeof body !== 'string') throw new Error(`expected a JSON body, got ${typeof body}`);
  return JSON.parse(body) as T;
}

/**
 * How long a test waits for a chart: recharts is a lazy chunk, and importing it the first time in
 * a test file can take seconds on a busy machine. Use as `findByTestId('…-chart', {}, LAZY_CHUNK)`.
 */
export const LAZY_CHUNK = { timeout: 10_000 };
