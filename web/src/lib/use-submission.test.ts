import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../test/render';
import { ApiError, createApiClient } from './api-client';
import { mayHaveBeenWritten, SubmissionKey, useSubmission } from './use-submission';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fetch whose answers the test hands out one by one, so requests can be held in flight. */
function controlledFetch() {
  const pending: Array<(response: Response | Error) => void> = [];
  const fetchMock = vi.fn<typeof fetch>().mockImplementation(
    () =>
      new Promise<Response>((resolve, reject) => {
        pending.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer)));
      }),
  );
  const keys = () => fetchMock.mock.calls.map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);
  const answer = async (response: Response | Error) => {
    await act(async () => {
      pending.shift()!(response);
    });
  };
  return { fetchMock, keys, answer };
}

function fee(amount: number) {
  return { kind: 'fee', member_id: 3, amount, date: '2026-01-05' };
}

/** The hook with a real API client: each submit POSTs the values to the ledger. */
function renderForm() {
  const server = controlledFetch();
  const client = createApiClient({ fetch: server.fetchMock });
  const { result } = renderHook(() => useSubmission());
  const onSuccess = vi.fn();
  const onError = vi.fn();
  const submit = (values: unknown) =>
    act(async () => {
      void result.current.submit(values, (key) => client.post('/groups/1/ledger', values, { idempotencyKey: key }), {
        onSuccess,
        onError,
      });
    });
  return { ...server, result, submit, onSuccess, onError };
}

const unavailable = () => jsonResponse({ type: 'urn:gotong:problem:unavailable', status: 503, errors: [] }, 503);
const invalid = () => jsonResponse({ type: 'urn:gotong:problem:invalid-input', status: 400, errors: [] }, 400);

describe('useSubmission', () => {
  it('sends one request for a double tap while the first is in flight', async () => {
    const form = renderForm();
    await form.submit(fee(10_000));
    expect(form.result.current.submitting).toBe(true);
    await form.submit(fee(10_000));
    await form.submit(fee(10_000));
    expect(form.fetchMock).toHaveBeenCalledTimes(1);
    await form.answer(jsonResponse({ id: 7 }, 201));
    expect(form.onSuccess).toHaveBeenCalledTimes(1);
    expect(form.onSuccess).toHaveBeenCalledWith({ id: 7 });
    expect(form.result.current.submitting).toBe(false);
    expect(form.keys()[0]).toMatch(UUID);
  });

  it('retries a submission that timed out or failed on the server with the same key', async () => {
    const form = renderForm();
    await form.submit(fee(10_000));
    await form.answer(new TypeError('Failed to fetch'));
    expect(form.onError).toHaveBeenCalledWith(expect.objectContaining({ slug: 'network-error' }));
    await form.submit(fee(10_000));
    await form.answer(unavailable());
    await form.submit(fee(10_000));
    await form.answer(jsonResponse({ id: 7 }, 201));
    expect(form.fetchMock).toHaveBeenCalledTimes(3);
    const [first, second, third] = form.keys();
    expect(first).toMatch(UUID);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(form.onSuccess).toHaveBeenCalledTimes(1);
  });

  it('gives changed values a new key, even while the old one is unresolved', async () => {
    const form = renderForm();
    await form.submit(fee(10_000));
    await form.answer(new TypeError('Failed to fetch'));
    await form.submit(fee(15_000));
    await form.answer(jsonResponse({ id: 8 }, 201));
    const [first, second] = form.keys();
    expect(second).toMatch(UUID);
    expect(second).not.toBe(first);
  });

  it('starts a fresh key once the submission succeeded, for the same values too', async () => {
    const form = renderForm();
    await form.submit(fee(10_000));
    await form.answer(jsonResponse({ id: 7 }, 201));
    // The next member's fee of the same amount is a new record, not a repeat.
    await form.submit(fee(10_000));
    await form.answer(jsonResponse({ id: 8 }, 201));
    const [first, second] = form.keys();
    expect(second).not.toBe(first);
    expect(form.onSuccess).toHaveBeenCalledTimes(2);
  });

  it('starts a fresh key after the server refused the values (nothing was written)', async () => {
    const form = renderForm();
    await form.submit(fee(10_000));
    await form.answer(invalid());
    await form.submit(fee(10_000));
    await form.answer(jsonResponse({ id: 7 }, 201));
    const [first, second] = form.keys();
    expect(second).not.toBe(first);
    expect(form.onError).toHaveBeenCalledTimes(1);
  });

  it('rethrows the error when the form gave no onError', async () => {
    const { result } = renderHook(() => useSubmission());
    const boom = new ApiError({ type: 'urn:gotong:problem:internal', status: 500, title: '', detail: '', errors: [] });
    await act(async () => {
      await expect(result.current.submit({}, () => Promise.reject(boom))).rejects.toBe(boom);
    });
    expect(result.current.submitting).toBe(false);
  });
});

describe('SubmissionKey', () => {
  it('keeps one key for the same values, whatever object holds them', () => {
    const key = new SubmissionKey();
    const first = key.for(fee(5_000));
    expect(key.for(fee(5_000))).toBe(first);
    key.failed(new TypeError('Failed to fetch'));
    expect(key.for(fee(5_000))).toBe(first);
    expect(key.for(fee(6_000))).not.toBe(first);
  });
});

describe('mayHaveBeenWritten', () => {
  const problem = (status: number) => new ApiError({ type: 'x', status, title: '', detail: '', errors: [] });

  it('is true for network failures, aborts, server errors and asks to retry', () => {
    for (const status of [0, 408, 429, 500, 502, 503, 504]) expect(mayHaveBeenWritten(problem(status))).toBe(true);
    expect(mayHaveBeenWritten(new DOMException('aborted', 'AbortError'))).toBe(true);
  });

  it('is true while the first request with the key is running or was cut off', () => {
    for (const slug of ['idempotency-key-in-use', 'idempotency-outcome-unknown']) {
      const error = new ApiError({ type: `urn:gotong:problem:${slug}`, status: 409, title: '', detail: '', errors: [] });
      expect(mayHaveBeenWritten(error)).toBe(true);
    }
  });

  it('is false when the server refused the request', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422]) expect(mayHaveBeenWritten(problem(status))).toBe(false);
  });
});
