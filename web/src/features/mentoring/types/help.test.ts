import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { learningTranslator } from '../../../test/learning';
import {
  checkPhoto,
  durationParts,
  filterQuery,
  filtersFor,
  helpFieldMessage,
  helpProblemMessage,
  MAX_PHOTO_BYTES,
  shareDraftOf,
  timelineOf,
  validateAttempt,
  reportDraftFor,
  reportsForOthers,
  validateReport,
  validateShare,
  type HelpActor,
  type HelpRequestDetail,
} from './help';

const painem: HelpActor = { user_id: 7, username: 'painem', member: { id: 5, name: 'Painem' } };
const darmi: HelpActor = { user_id: 5, username: 'darmi', member: { id: 4, name: 'Ibu Darmi' } };

function detail(overrides: Partial<HelpRequestDetail> = {}): HelpRequestDetail {
  return {
    id: 1,
    group_id: 1,
    member: { id: 5, name: 'Painem' },
    competency: null,
    title: 'Tape terlalu asam',
    description: null,
    status: 'advised',
    reported_by: painem,
    closed_by: null,
    close_note: null,
    knowledge_post_id: null,
    advice_count: 2,
    attempt_count: 1,
    photo: null,
    created_at: '2026-01-05T01:00:00Z',
    updated_at: '2026-01-06T01:00:00Z',
    first_advice_at: '2026-01-05T04:00:00Z',
    closed_at: null,
    seconds_to_first_advice: 10_800,
    seconds_to_resolution: null,
    advice: [
      { id: 1, author: darmi, text: 'Kurangi ragi.', created_at: '2026-01-05T04:00:00Z' },
      { id: 2, author: darmi, text: 'Peram dua hari saja.', created_at: '2026-01-06T04:00:00Z' },
    ],
    attempts: [{ id: 3, number: 1, note: 'Ragi setengah.', attempted_on: '2026-01-05', recorded_by: painem, created_at: '2026-01-05T09:00:00Z' }],
    can: { advise: false, attempt: true, resolve: true, abandon: true, share: false, photo: true },
    ...overrides,
  };
}

// The help texts travel with the learning tab's (learning.ts): added as HelpArea adds them.
const t = learningTranslator('id');
const en = learningTranslator('en');

describe('help requests', () => {
  it('reads a report as the server takes it: trimmed, empty description as null, the competency by id', () => {
    const checked = validateReport({ title: '  Tape asam ', description: '  ', competency_id: '8', member_id: '' }, 1, null);
    expect(checked.input).toEqual({ group_id: 1, title: 'Tape asam', description: null, competency_id: 8 });
    expect(validateReport({ title: '', description: '', competency_id: '', member_id: '' }, 1, null).errors.title).toEqual(['mentoring.help.form.titleRequired']);
    expect(validateReport({ title: 'x'.repeat(121), description: '', competency_id: '', member_id: '' }, 1, null).input).toBeNull();
  });

  it('lets the leader and overseers report for a member without an account, and asks whom it is for', () => {
    const leader = { id: 1, name: 'Citra Gendhis', sector: 'batik', status: 'active', member_id: 3, writes: ['profile', 'members', 'posts'] };
    const officer = { ...leader, member_id: null };
    const member = { ...leader, member_id: 9, writes: ['posts'] };
    expect(reportsForOthers(leader)).toBe(true);
    expect(reportsForOthers(officer)).toBe(true);
    expect(reportsForOthers(member)).toBe(false);
    expect(reportDraftFor(leader).member_id).toBe('3');
    expect(reportDraftFor(officer).member_id).toBe('');
    const draft = { title: 'Warna luntur', description: '', competency_id: '', member_id: '' };
    expect(validateReport(draft, 1, null, true).errors.member_id).toEqual(['mentoring.help.form.memberRequired']);
    expect(validateReport({ ...draft, member_id: '12' }, 1, null, true).input).toEqual({
      group_id: 1,
      title: 'Warna luntur',
      description: null,
      competency_id: null,
      member_id: 12,
    });
    // A member reports for herself: the server takes her own membership, nothing is sent.
    expect(validateReport({ ...draft, member_id: '12' }, 1, null, false).input).not.toHaveProperty('member_id');
  });

  it('spares a long upload of what the phone already says is not a photo or too large', () => {
    expect(checkPhoto({ size: 2_000_000, type: 'image/jpeg' })).toBeNull();
    expect(checkPhoto({ size: 2_000_000, type: '' })).toBeNull(); // the server tells from the bytes
    expect(checkPhoto({ size: 10, type: 'text/plain' })?.key).toBe('mentoring.help.fieldErrors.photo.not_an_image');
    expect(checkPhoto({ size: MAX_PHOTO_BYTES + 1, type: 'image/jpeg' })).toEqual({
      key: 'mentoring.help.fieldErrors.photo.too_large',
      values: { max_megabytes: 10 },
    });
    expect(checkPhoto({ size: 0, type: 'image/jpeg' })?.key).toBe('mentoring.help.fieldErrors.photo.required');
    const withPhoto = validateReport({ title: 'Tape', description: '', competency_id: '', member_id: '' }, 1, new File(['abc'], 'catatan.txt', { type: 'text/plain' }));
    expect(withPhoto.input).toBeNull();
    expect(withPhoto.errors.photo).toHaveLength(1);
  });

  it('puts what happened in order: the report, advice and reworks by their time, then the closing', () => {
    const closed = detail({ status: 'resolved', closed_at: '2026-01-07T00:00:00Z', closed_by: painem, close_note: 'Manis.' });
    expect(timelineOf(closed).map((e) => e.kind)).toEqual(['reported', 'advice', 'attempt', 'advice', 'resolved']);
    expect(timelineOf(detail()).map((e) => e.key)).toEqual(['reported', 'advice-1', 'attempt-3', 'advice-2']);
  });

  it('offers the latest advice as the shared post, editable, and checks it', () => {
    expect(shareDraftOf(detail())).toEqual({ title: 'Tape terlalu asam', body: 'Peram dua hari saja.' });
    expect(validateShare({ title: ' Agar tape manis ', body: ' Peram dua hari. ' }).input).toEqual({
      title: 'Agar tape manis',
      body: 'Peram dua hari.',
      kind: 'fix',
    });
    expect(validateShare({ title: '', body: '' }).errors).toEqual({
      title: ['mentoring.help.share.titleRequired'],
      body: ['mentoring.help.share.bodyRequired'],
    });
    expect(validateAttempt({ note: '   ' }).input).toBeNull();
  });

  it('says how long in the largest whole unit', () => {
    expect(durationParts(30)).toEqual({ unit: 'minutes', count: 1 });
    expect(durationParts(10_800)).toEqual({ unit: 'hours', count: 3 });
    expect(durationParts(36 * 3600)).toEqual({ unit: 'hours', count: 36 });
    expect(durationParts(5 * 86_400 + 100)).toEqual({ unit: 'days', count: 5 });
  });

  it('lists a mentor’s waiting requests by default, and “mine” only for a member', () => {
    expect(filterQuery('waiting')).toEqual({ status: 'open,advised' });
    expect(filterQuery('mine')).toEqual({ mine: true });
    expect(filtersFor({ id: 1, name: 'x', sector: 'batik', status: 'active', member_id: null })).toEqual(['waiting', 'closed', 'all']);
    expect(filtersFor({ id: 1, name: 'x', sector: 'batik', status: 'active', member_id: 5 })).toEqual(['waiting', 'mine', 'closed', 'all']);
  });

  it('words a refused photo in Indonesian from its code and the server’s limit', () => {
    const error = { field: 'photo', code: 'not_an_image', message: 'the file is not a photo', params: {} };
    expect(helpFieldMessage(t, error)).toBe('Berkas ini bukan foto. Kirim foto JPEG, PNG, atau WebP.');
    expect(helpFieldMessage(t, { ...error, code: 'too_large', params: { max_bytes: '8388608', max_megabytes: '8' } })).toBe(
      'Foto ini terlalu besar (paling besar 8 MB). Pilih foto yang lebih kecil.',
    );
    const shared = new ApiError({
      type: 'urn:gotong:problem:conflict',
      status: 409,
      title: 'Conflict',
      detail: 'shared already',
      errors: [{ field: 'knowledge_post_id', code: 'already_shared', message: 'x', params: {} }],
    });
    expect(helpProblemMessage(t, shared)).toBe('Jawaban ini sudah dibagikan sebelumnya.');
    expect(helpFieldMessage(en, error)).toBe('This file is not a photo. Send a JPEG, PNG or WebP photo.');
  });
});
