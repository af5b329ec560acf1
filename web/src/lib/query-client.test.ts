import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { shouldRetry } from './query-client';

function failure(status: number, slug = 'internal') {
  return new ApiError({ type: `urn:gotong:problem:${slug}`, status, title: '', detail: '', errors: [] });
}

describe('shouldRetry', () => {
  it('does not retry a problem+json answer in the 4xx range', () => {
    for (const status of [400, 401, 403, 404, 409, 413]) expect(shouldRetry(0, failure(status))).toBe(false);
  });

  it('retries a network failure, a server failure, a timeout and a rate limit', () => {
    expect(shouldRetry(0, failure(0, 'network-error'))).toBe(true);
    expect(shouldRetry(0, failure(503, 'unavailable'))).toBe(true);
    expect(shouldRetry(1, failure(500))).toBe(true);
    expect(shouldRetry(0, failure(408))).toBe(true);
    expect(shouldRetry(0, failure(429, 'rate-limited'))).toBe(true);
  });

  it('gives up after two retries', () => {
    expect(shouldRetry(2, failure(503, 'unavailable'))).toBe(false);
  });

  it('does not retry a bug (an error that is not an API answer)', () => {
    expect(shouldRetry(0, new TypeError('x is undefined'))).toBe(false);
  });
});
