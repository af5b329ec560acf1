// Issue 14, help requests (seed 000's incidental learning), against the real server on a 360×740
// phone: Painem reports that her ecotik failed, with a photo straight from her phone's camera (its
// EXIF holds the GPS position of her home); Ibu Darmi, the group's mentor, advises from her own
// phone; Painem logs her reworks, resolves it, and shares the answer as a knowledge post that
// then shows on the group's knowledge tab. A file that is not a photo is refused in Indonesian.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { PHONE, clean, eventually, logIn, withPage, useServerAndBrowser } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);

const PASSWORD = 'kata sandi e2e yang panjang';
const BANJARSARI = '35.07.20.2004'; // Banjarsari, Ngajum, Kabupaten Malang
const FILES = mkdtempSync(path.join(os.tmpdir(), 'gotong-e2e-help-'));

let groups = 0;

/** An account of `role` scoped to the group, acting as the member `memberId`. */
async function accountFor(admin, group, memberId, role, username) {
  const user = await admin.post('/users', { username, display_name: username, role, password: PASSWORD, scope: { kind: 'group', id: group.id } });
  await admin.patch(`/groups/${group.id}/members/${memberId}`, { user_id: user.id });
  return { username, password: PASSWORD };
}

/** A batik group as seed 000's: Sulastri leads, Ibu Darmi mentors, Painem learns ecotik. */
async function seedGroup(name) {
  const admin = await apiLogin(env.server.url, ADMIN);
  groups += 1;
  const group = await admin.post('/groups', {
    name,
    kind: 'learning_community',
    sector: 'batik',
    business_centre: 'kampung batik Ngajum',
    village_code: BANJARSARI,
    status: 'active',
  });
  const add = (personName, role = 'member', mentor = false) =>
    admin.post(`/groups/${group.id}/members`, { person: { name: personName, gender: 'female' }, role, mentor, joined_on: '2024-01-15' });
  const members = { sulastri: await add('Sulastri', 'leader'), darmi: await add('Ibu Darmi', 'member', true), painem: await add('Painem') };
  const menteeLogin = await accountFor(admin, group, members.painem.id, 'member', `painem-${groups}`);
  const mentorLogin = await accountFor(admin, group, members.darmi.id, 'mentor', `darmi-${groups}`);
  const mentee = await apiLogin(env.server.url, menteeLogin);
  return { admin, group, members, menteeLogin, mentorLogin, mentee };
}

// ---- a phone's photo: a JPEG with the GPS position of where it was taken ----------------------

/** A little-endian TIFF with the camera's make and a GPS position (7°50'S, 112°31'E, Ngajum). */
function exifTiff() {
  const buffer = Buffer.alloc(152);
  buffer.write('II', 0, 'ascii');
  buffer.writeUInt16LE(42, 2);
  buffer.writeUInt32LE(8, 4);
  const entry = (at, tag, type, count, value) => {
    buffer.writeUInt16LE(tag, at);
    buffer.writeUInt16LE(type, at + 2);
    buffer.writeUInt32LE(count, at + 4);
    if (typeof value === 'string') buffer.write(value, at + 8, 'latin1');
    else buffer.writeUInt32LE(value, at + 8);
  };
  // IFD0 at 8: Make, GPSInfo.
  buffer.writeUInt16LE(2, 8);
  entry(10, 0x010f, 2, 12, 38);
  entry(22, 0x8825, 4, 1, 50);
  buffer.writeUInt32LE(0, 34);
  buffer.write('GotongPhone\0', 38, 'latin1');
  // The GPS IFD at 50: latitude and longitude with their hemispheres.
  buffer.writeUInt16LE(4, 50);
  entry(52, 0x0001, 2, 2, 'S\0');
  entry(64, 0x0002, 5, 3, 104);
  entry(76, 0x0003, 2, 2, 'E\0');
  entry(88, 0x0004, 5, 3, 128);
  buffer.writeUInt32LE(0, 100);
  [7, 1, 50, 1, 105, 10].forEach((n, i) => buffer.writeUInt32LE(n, 104 + i * 4));
  [112, 1, 31, 1, 442, 10].forEach((n, i) => buffer.writeUInt32LE(n, 128 + i * 4));
  return buffer;
}

/** `jpeg` with an APP1 EXIF segment right after its start-of-image marker. */
function withExif(jpeg) {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff()]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** A 2400×1800 photo drawn by the browser (a cloth with leaf prints), as JPEG bytes. */
async function drawnJpeg(page) {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const context = canvas.getContext('2d');
    const gradient = context.createLinearGradient(0, 0, 2400, 1800);
    gradient.addColorStop(0, '#8a5a2b');
    gradient.addColorStop(1, '#d9b38c');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 2400, 1800);
    context.fillStyle = '#2f5d2f';
    for (let i = 0; i < 40; i += 1) {
      context.beginPath();
      context.ellipse(100 + (i % 8) * 290, 150 + Math.floor(i / 8) * 330, 90, 45, i, 0, Math.PI * 2);
      context.fill();
    }
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** A JPEG's width and height from its start-of-frame segment. */
function jpegSize(bytes) {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`not a JPEG segment at ${at}`);
    const marker = bytes[at + 1];
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  throw new Error('no start-of-frame segment');
}

/** The page's width as the browser lays it out: more than 360 means the reader must scroll sideways. */
async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

test('1 · Painem reports a failed ecotik with a phone photo, the mentor advises, she reworks, resolves and shares it as knowledge', { timeout: 150_000 }, async (t) => {
  const seed = await seedGroup('Komunitas Batik Ecotik');
  const base = `${env.server.url}/groups/${seed.group.id}`;
  let requestId = 0;

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.menteeLogin);
    const photo = withExif(await drawnJpeg(page));
    assert.ok(photo.includes('GotongPhone') && photo.includes('Exif'), 'the photo carries EXIF as a phone writes it');
    const photoFile = path.join(FILES, 'ecotik-gagal.jpg');
    writeFileSync(photoFile, photo);

    // From "Milik saya": "Minta bantuan".
    await page.goto(`${base}/mine`);
    await page.getByTestId('mine-help').getByRole('link', { name: 'Minta bantuan' }).click();
    await page.waitForURL(`${base}/help/new`);
    const form = page.getByTestId('help-report');
    await form.getByRole('heading', { name: 'Minta bantuan' }).waitFor();
    await form.getByLabel('Apa yang gagal?').fill('Warna ecotik luntur setelah dicuci');
    await form.getByLabel('Ceritakan sedikit').fill('Daun jati tidak mencetak.\nWarnanya pudar.');
    await form.getByLabel('Tentang keterampilan').selectOption({ label: 'Ecotik' });
    // The camera input opens the back camera on a phone; here it is handed the file it would take.
    const camera = page.getByTestId('photo-camera');
    assert.equal(await camera.getAttribute('capture'), 'environment');
    assert.equal(await camera.getAttribute('accept'), 'image/*');
    await camera.setInputFiles(photoFile);
    await form.getByRole('img', { name: 'Foto yang dipilih' }).waitFor();
    assert.match(clean(await page.getByTestId('photo-chosen').textContent()), /ecotik-gagal\.jpg \(\d+(,\d)? KB\)/);
    await assertFitsPhone(page, 'the report form with its photo');

    // The photo goes with a progress bar (watched as it is sent, over a slow network).
    await page.route('**/api/v1/help-requests/*/photo', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    const sawProgress = page.getByRole('progressbar', { name: 'Mengirim foto' }).waitFor({ timeout: 15_000 }).then(() => true, () => false);
    await form.getByRole('button', { name: 'Kirim permintaan' }).click();
    await page.getByText('Permintaan bantuan terkirim. Mentor kelompok akan melihatnya.').waitFor({ timeout: 20_000 });
    assert.ok(await sawProgress, 'a progress bar showed while the photo was sent');
    requestId = Number(new URL(page.url()).pathname.split('/').pop());
    assert.ok(requestId > 0, `the request's page opened: ${page.url()}`);
    const request = page.getByTestId('help-request');
    await request.getByRole('heading', { level: 2, name: 'Warna ecotik luntur setelah dicuci' }).waitFor();
    assert.equal(clean(await request.getByTestId('help-status').textContent()), 'Menunggu saran');
    await request.getByRole('img', { name: 'Foto: Warna ecotik luntur setelah dicuci' }).waitFor();
    await assertFitsPhone(page, "the request's page");
  });

  // What the server kept: a JPEG of at most 1600 px with no EXIF and no GPS, the same aspect.
  const kept = await seed.mentee.raw('GET', `/help-requests/${requestId}/photo`);
  assert.equal(kept.status, 200);
  assert.equal(kept.headers.get('content-type'), 'image/jpeg');
  assert.match(kept.headers.get('cache-control'), /^private/);
  assert.equal(kept.headers.get('x-content-type-options'), 'nosniff');
  const bytes = Buffer.from(await kept.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff]);
  for (const secret of ['Exif', 'GPS', 'GotongPhone']) assert.ok(!bytes.includes(secret), `the kept photo holds no ${secret}`);
  assert.deepEqual(jpegSize(bytes), { width: 1600, height: 1200 });

  // Ibu Darmi, the mentor, finds it at the top of the waiting requests and advises.
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.mentorLogin);
    await page.goto(base);
    await page.getByTestId('workspace-tabs').getByRole('link', { name: 'Bantuan', exact: true }).click();
    await page.waitForURL(`${base}/help`);
    const list = page.getByTestId('help-request-list');
    const first = list.getByRole('listitem').first();
    assert.match(clean(await first.innerText()), /^Warna ecotik luntur setelah dicuci Menunggu saran Painem · .* 0 saran · 0 kali dicoba ulang$/);
    assert.equal(
      clean(await page.getByTestId('help-open-note').textContent()),
      'Permintaan bantuan terlihat oleh semua anggota kelompok, supaya semua bisa belajar dari masalah yang sama.',
    );
    await first.getByRole('link', { name: 'Warna ecotik luntur setelah dicuci' }).click();
    await page.getByTestId('help-request-photo').waitFor();
    const advice = page.getByTestId('help-advice-form');
    await advice.getByLabel('Saran Anda').fill('Rendam kain di air tawas semalam sebelum daun ditempel.\nKukus 2 jam, jangan dibuka.');
    await advice.getByRole('button', { name: 'Kirim saran' }).click();
    await advice.getByText('Saran terkirim.').waitFor();
    await page.getByTestId('help-timeline').getByText('Saran dari Ibu Darmi').waitFor();
    assert.equal(clean(await page.getByTestId('help-status').textContent()), 'Sudah diberi saran');
    // A mentor advises; she does not log Painem's reworks.
    assert.equal(await page.getByTestId('help-attempt-form').count(), 0);
    await assertFitsPhone(page, 'the mentor on the request');
  });

  // Painem reworks the piece, resolves it, and shares the answer.
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.menteeLogin);
    await page.goto(`${base}/help/${requestId}`);
    const attempt = page.getByTestId('help-attempt-form');
    for (const [number, note] of [
      [1, 'Proses ulang pertama: warna lebih kuat, masih belang.'],
      [2, 'Proses ulang kedua: dikukus lebih lama, daun mencetak rata.'],
    ]) {
      await attempt.getByLabel('Yang dikerjakan dan hasilnya').fill(note);
      await attempt.getByRole('button', { name: 'Catat percobaan' }).click();
      await attempt.getByText(`Percobaan ke-${number} tercatat.`).waitFor();
    }
    const timeline = page.getByTestId('help-timeline');
    assert.deepEqual(
      (await timeline.locator('.timeline__head strong').allTextContents()).map(clean),
      ['Painem minta bantuan', 'Saran dari Ibu Darmi', `Percobaan ke-1 (${await dayLabel(page)})`, `Percobaan ke-2 (${await dayLabel(page)})`],
    );

    const close = page.getByTestId('help-close');
    await close.getByLabel('Catatan (boleh kosong)').fill('Sudah tidak luntur.');
    await close.getByRole('button', { name: 'Tandai selesai' }).click();
    await eventually(async () => clean(await page.getByTestId('help-status').textContent()) === 'Selesai', { message: 'resolved' });
    assert.match(clean(await page.getByTestId('help-durations').textContent()), /Selesai dalam \d+ menit/);

    const share = page.getByTestId('help-share');
    assert.equal(await share.getByLabel('Judul').inputValue(), 'Warna ecotik luntur setelah dicuci');
    assert.equal(await share.getByLabel('Isi').inputValue(), 'Rendam kain di air tawas semalam sebelum daun ditempel.\nKukus 2 jam, jangan dibuka.');
    await share.getByLabel('Judul').fill('Agar warna ecotik tidak luntur');
    await assertFitsPhone(page, 'the share form');
    await share.getByRole('button', { name: 'Bagikan sebagai pengetahuan' }).click();
    await page.getByText('Jawaban ini sudah dibagikan sebagai pengetahuan kelompok.').waitFor();
    assert.equal(await page.getByTestId('help-share').count(), 0, 'shared once: the form is gone');

    await page.getByRole('link', { name: 'Lihat di Berbagi ilmu' }).click();
    await page.waitForURL(`${base}/knowledge`);
    const post = page.getByTestId('post-list').getByRole('listitem').filter({ hasText: 'Agar warna ecotik tidak luntur' });
    await post.waitFor();
    assert.match(clean(await post.textContent()), /Kukus 2 jam, jangan dibuka\./);
  });

  const stored = await seed.mentee.get(`/help-requests/${requestId}`);
  assert.equal(stored.status, 'resolved');
  assert.equal(stored.attempt_count, 2);
  assert.ok(stored.knowledge_post_id > 0);
});

/** Today as the timeline writes a rework's day ("23 Nov"), in the page's own words. */
function dayLabel(page) {
  return page.evaluate(() => new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.now() + 9 * 3600_000)));
}

test('2 · a file that is not a photo is refused in Indonesian, and the request stands without one', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Komunitas Batik Mondeng');
  const base = `${env.server.url}/groups/${seed.group.id}`;
  // A shopping list renamed to a photo's name: the phone says image/jpeg.
  const fake = path.join(FILES, 'foto-mondeng.jpg');
  writeFileSync(fake, 'Daftar belanja: malam 2 kg, kain mori 5 m, daun jati.\n');

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.menteeLogin);
    await page.goto(`${base}/help`);
    await page.getByTestId('help-list').getByRole('link', { name: 'Minta bantuan' }).click();
    const form = page.getByTestId('help-report');
    await form.getByLabel('Apa yang gagal?').fill('Pola mondeng tidak keluar');
    await page.getByTestId('photo-gallery').setInputFiles({ name: 'foto-mondeng.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Daftar belanja: malam 2 kg, kain mori 5 m.\n') });
    await form.getByRole('button', { name: 'Kirim permintaan' }).click();
    await form.getByText('Berkas ini bukan foto. Kirim foto JPEG, PNG, atau WebP.').waitFor({ timeout: 20_000 });
    await form.getByText('Permintaan Anda sudah terkirim, tetapi fotonya belum.', { exact: false }).waitFor();
    await assertFitsPhone(page, 'the refused photo');

    // Sending again sends the photo only: the request is not reported twice.
    await page.getByTestId('photo-camera').setInputFiles(fake);
    await form.getByRole('button', { name: 'Kirim foto' }).click();
    await form.getByText('Berkas ini bukan foto. Kirim foto JPEG, PNG, atau WebP.').waitFor();
    await form.getByRole('button', { name: 'Lanjut tanpa foto' }).click();
    await page.getByTestId('help-request').getByRole('heading', { level: 2, name: 'Pola mondeng tidak keluar' }).waitFor();
    assert.equal(await page.getByTestId('help-request-photo').count(), 0);
  });

  const mine = await seed.mentee.get('/help-requests?mine=true');
  assert.equal(mine.total, 1, 'one request, however often the photo was sent');
  assert.equal(mine.items[0].photo, null);
});

test('3 · the leader reports for Tukini, who has no account, from her phone: the request is Tukini’s', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Komunitas Batik Canting');
  const leaderLogin = await accountFor(seed.admin, seed.group, seed.members.sulastri.id, 'group_leader', `sulastri-${groups}`);
  const tukini = await seed.admin.post(`/groups/${seed.group.id}/members`, { person: { name: 'Tukini', gender: 'female' }, role: 'member', joined_on: '2024-01-15' });

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, leaderLogin);
    await page.goto(`${env.server.url}/groups/${seed.group.id}/help`);
    await page.getByTestId('help-list').getByRole('link', { name: 'Minta bantuan' }).click();
    const form = page.getByTestId('help-report');
    const who = form.getByLabel('Untuk anggota', { exact: false });
    await eventually(async () => (await who.locator('option', { hasText: 'Tukini' }).count()) === 1, { message: 'Tukini among the members' });
    await who.selectOption({ label: 'Tukini' });
    await form.getByLabel('Apa yang gagal?').fill('Canting tersumbat malam');
    await form.getByRole('button', { name: 'Kirim permintaan' }).click();
    await page.getByTestId('help-request').getByRole('heading', { level: 2, name: 'Canting tersumbat malam' }).waitFor({ timeout: 20_000 });
    await assertFitsPhone(page, 'a request reported for another member');
  });

  const theirs = await seed.admin.get(`/help-requests?group_id=${seed.group.id}&member_id=${tukini.id}`);
  assert.equal(theirs.total, 1);
  assert.equal(theirs.items[0].member.name, 'Tukini');
  assert.equal(theirs.items[0].reported_by.username, `sulastri-${groups}`);
});
