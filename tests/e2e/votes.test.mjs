// Issue 13, "a vote that means something", against the real server on a 360×740 phone. Every
// test sets up its own tape group through the API as admin, as seed 001's group is: Sulastri
// leads with an account of her own (group_leader), Painem has a member's account, and Tukini,
// Sumarni, Ngatini and Wagini have none: the leader enters their votes from the meeting. Six
// members: the default quorum is 4.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { PHONE, clean, dayInIndonesia, eventually, logIn, useServerAndBrowser, withPage } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);

const PASSWORD = 'kata sandi e2e yang panjang';
const BANJARSARI = '35.07.20.2004'; // Banjarsari, Ngajum, Kabupaten Malang
const WITHOUT_ACCOUNT = ['Tukini', 'Sumarni', 'Ngatini', 'Wagini'];

let groups = 0;

/** An account of `role` scoped to the group, acting as the member `memberId`. */
async function accountFor(admin, group, memberId, role, username, displayName) {
  const user = await admin.post('/users', {
    username,
    display_name: displayName,
    role,
    password: PASSWORD,
    scope: { kind: 'group', id: group.id },
  });
  await admin.patch(`/groups/${group.id}/members/${memberId}`, { user_id: user.id });
  return { username, password: PASSWORD };
}

async function seedGroup(name) {
  const admin = await apiLogin(env.server.url, ADMIN);
  groups += 1;
  const group = await admin.post('/groups', {
    name,
    kind: 'joint_business_group',
    sector: 'food_processing',
    business_centre: 'sentra tape Ngajum',
    village_code: BANJARSARI,
    status: 'active',
    sop_meetings_per_month: 1,
  });
  const add = (personName, role = 'member') =>
    admin.post(`/groups/${group.id}/members`, { person: { name: personName, gender: 'female' }, role, joined_on: '2024-01-15' });
  const members = { sulastri: await add('Sulastri', 'leader'), painem: await add('Painem') };
  for (const personName of WITHOUT_ACCOUNT) members[personName.toLowerCase()] = await add(personName);
  const leaderLogin = await accountFor(admin, group, members.sulastri.id, 'group_leader', `ketua-${groups}`, 'Sulastri');
  const painemLogin = await accountFor(admin, group, members.painem.id, 'member', `painem-${groups}`, 'Painem');
  const leader = await apiLogin(env.server.url, leaderLogin);
  const painem = await apiLogin(env.server.url, painemLogin);
  return { admin, leader, painem, group, members, leaderLogin, painemLogin };
}

/** A proposal put by the leader through the API. */
function propose(seed, body) {
  return seed.leader.post(`/groups/${seed.group.id}/deliberations`, { topic: 'price', ...body });
}

/** The leader's sheet, through the API: `lines` as [member, option id or null]. */
function recordSheet(seed, deliberation, lines) {
  return seed.leader.put(`/groups/${seed.group.id}/deliberations/${deliberation.id}/votes`, {
    votes: lines.map(([member, optionId]) => ({ member_id: member.id, option_id: optionId })),
  });
}

/** The page's width as the browser lays it out: more than 360 means the reader must scroll sideways. */
async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

async function openDeliberation(page, seed, login, deliberation) {
  await logIn(page, env.server.url, login);
  await page.goto(`${env.server.url}/groups/${seed.group.id}/deliberations/${deliberation.id}`);
  await page.getByRole('heading', { level: 2, name: deliberation.title }).waitFor();
}

/** The votes requests the page sends, as "METHOD path". */
function watchVotes(page) {
  const sent = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/votes')) sent.push(request.method());
  });
  return sent;
}

const voter = (page, member) => page.getByTestId(`voter-${member.id}`);

test('1 · on a phone the leader taps every member\'s choice and saves the whole sheet with one PUT', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Harapan Sejahtera');
  const deliberation = await propose(seed, { title: 'Harga tape seragam', options: ['Rp 10.000 per kg', 'Rp 12.000 per kg'] });
  const [ten, twelve] = deliberation.options;
  const { tukini, sumarni, ngatini, wagini, painem, sulastri } = seed.members;
  await withPage(env.browser, t, PHONE, async (page) => {
    const sent = watchVotes(page);
    await openDeliberation(page, seed, seed.leaderLogin, deliberation);
    const sheet = page.getByTestId('vote-sheet');
    await voter(page, tukini).waitFor();

    // Members with an account vote from their own phone: no buttons on their lines.
    assert.equal(clean(await voter(page, painem).innerText()), 'Painem memilih sendiri dari ponselnya');
    assert.equal(await voter(page, painem).getByRole('button').count(), 0);
    assert.equal(await voter(page, sulastri).getByRole('button').count(), 0);

    await voter(page, tukini).getByRole('button', { name: 'Rp 10.000 per kg' }).click();
    await voter(page, sumarni).getByRole('button', { name: 'Rp 10.000 per kg' }).click();
    await voter(page, ngatini).getByRole('button', { name: 'Rp 12.000 per kg' }).click();
    await voter(page, wagini).getByRole('button', { name: 'Tidak setuju' }).click();
    assert.equal(clean(await page.getByTestId('unsaved-count').textContent()), '4 pilihan belum disimpan');
    await assertFitsPhone(page, 'the vote sheet with four choices tapped');
    assert.deepEqual(sent, [], 'nothing is sent before the save');

    await sheet.getByRole('button', { name: 'Simpan 4 suara' }).click();
    await sheet.getByText('4 suara sudah disimpan.').waitFor();
    assert.deepEqual(sent, ['PUT'], 'the sheet is saved with one PUT');
    assert.equal(clean(await page.getByTestId('unsaved-count').textContent()), 'Belum ada pilihan baru.');
    assert.match(clean(await voter(page, wagini).innerText()), /^Wagini Sudah memilih: Tidak setuju/);

    const stored = await seed.admin.get(`/groups/${seed.group.id}/deliberations/${deliberation.id}`);
    assert.equal(stored.votes_cast, 4);
    const byMember = Object.fromEntries(stored.votes.map((v) => [v.member_id, v]));
    assert.deepEqual(
      [tukini, sumarni, ngatini, wagini].map((m) => byMember[m.id].option_id),
      [ten.id, ten.id, twelve.id, null],
    );
    for (const m of [tukini, sumarni, ngatini, wagini]) {
      assert.equal(byMember[m.id].recorded_by, seed.leaderLogin.username);
      assert.equal(byMember[m.id].own, false);
    }

    // A vote recorded is changed on the sheet, and the PUT replaces it.
    await voter(page, wagini).getByRole('button', { name: 'Ubah suara Wagini' }).click();
    await voter(page, wagini).getByRole('button', { name: 'Rp 12.000 per kg' }).click();
    await sheet.getByRole('button', { name: 'Simpan 1 suara' }).click();
    await sheet.getByText('1 suara sudah disimpan.').waitFor();
    const changed = await seed.admin.get(`/groups/${seed.group.id}/deliberations/${deliberation.id}`);
    assert.equal(changed.votes_cast, 4);
    assert.equal(changed.votes.find((v) => v.member_id === wagini.id).option_id, twelve.id);
    assert.deepEqual(sent, ['PUT', 'PUT']);
    assert.match(clean(await page.getByTestId('quorum').textContent()), /^4 dari 6 anggota sudah memilih · kuorum 4/);
  });
});

test('1 · a line the server refuses is shown on that member\'s row, and nothing of the sheet is saved', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('Sido Makmur');
  const deliberation = await propose(seed, { title: 'Jadwal produksi bersama', topic: 'schedule', options: ['Senin', 'Kamis'] });
  const { tukini, ngatini } = seed.members;
  await withPage(env.browser, t, PHONE, async (page) => {
    await openDeliberation(page, seed, seed.leaderLogin, deliberation);
    await voter(page, tukini).waitFor();
    await voter(page, tukini).getByRole('button', { name: 'Senin' }).click();
    await voter(page, ngatini).getByRole('button', { name: 'Kamis' }).click();
    // Meanwhile Ngatini gets an account of her own: from now on she votes herself.
    await accountFor(seed.admin, seed.group, ngatini.id, 'member', `ngatini-${groups}`, 'Ngatini');

    await page.getByTestId('vote-sheet').getByRole('button', { name: 'Simpan 2 suara' }).click();
    await voter(page, ngatini).getByText('Anggota ini punya akun sendiri dan memilih dari ponselnya.').waitFor();
    assert.match(
      clean(await page.getByTestId('vote-sheet').getByRole('alert').textContent()),
      /^Belum ada suara yang disimpan: perbaiki 1 anggota yang ditandai, lalu simpan lagi\./,
    );
    assert.equal(clean(await page.getByTestId('unsaved-count').textContent()), '2 pilihan belum disimpan');
    const stored = await seed.admin.get(`/groups/${seed.group.id}/deliberations/${deliberation.id}`);
    assert.equal(stored.votes_cast, 0, 'all or nothing: Tukini\'s line is not saved either');
  });
});

test('2 · a choice not saved is never dropped silently: the page counts it and asks before it is left', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('Tunas Harapan');
  const deliberation = await propose(seed, { title: 'Tempat pertemuan', topic: 'venue', options: ['Balai desa', 'Rumah ketua'] });
  const { tukini } = seed.members;
  await withPage(env.browser, t, PHONE, async (page) => {
    const sent = watchVotes(page);
    // From the list into the proposal within the app, so that Back stays in the app too.
    await logIn(page, env.server.url, seed.leaderLogin);
    await page.goto(`${env.server.url}/groups/${seed.group.id}/deliberations`);
    await page.getByRole('link', { name: deliberation.title }).click();
    await page.getByRole('heading', { level: 2, name: deliberation.title }).waitFor();
    const deliberationUrl = page.url();
    await voter(page, tukini).getByRole('button', { name: 'Balai desa' }).click();
    assert.equal(clean(await page.getByTestId('unsaved-count').textContent()), '1 pilihan belum disimpan');

    // Another tab of the workspace: the page asks first, and staying keeps the choice.
    const tabs = page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' });
    await tabs.getByRole('link', { name: 'Kas', exact: true }).click();
    const guard = page.getByTestId('leave-guard');
    await guard.waitFor();
    assert.equal(clean(await guard.getByRole('paragraph').textContent()), '1 pilihan suara belum disimpan. Bila halaman ini ditinggalkan, pilihan itu hilang.');
    await assertFitsPhone(page, 'the question before leaving');
    await guard.getByRole('button', { name: 'Tetap di halaman ini' }).click();
    assert.equal(page.url(), deliberationUrl);
    assert.equal(await voter(page, tukini).getByRole('button', { name: 'Balai desa' }).getAttribute('aria-pressed'), 'true');

    // Back in the browser stops at the same question.
    await page.evaluate(() => window.history.back());
    await guard.waitFor();
    await guard.getByRole('button', { name: 'Tetap di halaman ini' }).click();
    assert.equal(page.url(), deliberationUrl);

    // Reloading or closing the tab: the browser itself asks (beforeunload).
    const asked = new Promise((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.evaluate(() => {
      setTimeout(() => window.location.reload(), 0);
    });
    assert.equal(await asked, 'beforeunload');
    await voter(page, tukini).waitFor();
    assert.equal(await voter(page, tukini).getByRole('button', { name: 'Balai desa' }).getAttribute('aria-pressed'), 'true');

    // Leaving on purpose drops the choice, and nothing was sent.
    await tabs.getByRole('link', { name: 'Kas', exact: true }).click();
    await guard.getByRole('button', { name: 'Tinggalkan tanpa menyimpan' }).click();
    await page.waitForURL(`${env.server.url}/groups/${seed.group.id}/treasury`);
    assert.deepEqual(sent, []);
  });
});

test('3 · on her own phone a member reads that her vote counts in her name, casts it, sees her choice, and may take a wrong tap back while the proposal is open', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('Karya Mandiri');
  const deliberation = await propose(seed, { title: 'Harga tape seragam', options: ['Rp 10.000 per kg', 'Rp 12.000 per kg'] });
  await withPage(env.browser, t, PHONE, async (page) => {
    const sent = watchVotes(page);
    await logIn(page, env.server.url, seed.painemLogin);
    // Her account lands in her group; she finds the proposal in Musyawarah.
    await page.goto(`${env.server.url}/groups`);
    await page.waitForURL(`${env.server.url}/groups/${seed.group.id}`);
    await page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' }).getByRole('link', { name: 'Musyawarah', exact: true }).click();
    await page.getByRole('link', { name: 'Harga tape seragam' }).click();
    const own = page.getByTestId('own-vote');
    await own.waitFor();
    assert.equal(await page.getByTestId('vote-sheet').count(), 0, 'a member sees no sheet');
    assert.equal(await page.getByTestId('decide').count(), 0, 'a member does not decide');
    await assertFitsPhone(page, "a member's own vote");
    // Before she saves she reads what a saved vote is.
    assert.match(clean(await page.getByTestId('own-vote-counts').textContent()), /tercatat atas nama Anda .* setelah diputuskan, suara tidak dapat diubah/);

    // A wrong tap: she saves the lower price, then sees it.
    await own.getByRole('button', { name: 'Rp 10.000 per kg' }).click();
    await own.getByRole('button', { name: 'Simpan suara saya' }).click();
    await own.getByText('Suara Anda sudah disimpan.').waitFor();
    assert.equal(clean(await page.getByTestId('own-vote-choice').textContent()), 'Anda sudah memilih: Rp 10.000 per kg');
    assert.deepEqual(await own.getByRole('button').allTextContents(), ['Tarik suara saya']);
    assert.deepEqual(sent, ['POST']);
    const storedVote = async () => {
      const stored = await seed.admin.get(`/groups/${seed.group.id}/deliberations/${deliberation.id}`);
      return stored.votes.find((v) => v.member_id === seed.members.painem.id);
    };
    assert.equal((await storedVote()).option_id, deliberation.options[0].id);

    // She takes it back (asked first) and votes again; the server holds only the second vote.
    await own.getByRole('button', { name: 'Tarik suara saya' }).click();
    await own.getByRole('button', { name: 'Ya, tarik suara' }).click();
    await own.getByRole('button', { name: 'Rp 12.000 per kg' }).click();
    assert.equal(await storedVote(), undefined);
    await own.getByRole('button', { name: 'Simpan suara saya' }).click();
    await page.getByTestId('own-vote-choice').filter({ hasText: '12.000' }).waitFor();
    assert.equal(clean(await page.getByTestId('own-vote-choice').textContent()), 'Anda sudah memilih: Rp 12.000 per kg');
    assert.deepEqual(sent, ['POST', 'POST']);

    const mine = await storedVote();
    assert.equal(mine.option_id, deliberation.options[1].id);
    assert.equal(mine.own, true);
    assert.equal(mine.recorded_by, seed.painemLogin.username);
  });
});

test('4 · the votes list says who entered a vote the member did not cast herself', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('Rukun Santoso');
  const deliberation = await propose(seed, { title: 'Harga tape seragam', options: ['Rp 10.000 per kg', 'Rp 12.000 per kg'] });
  await recordSheet(seed, deliberation, [[seed.members.tukini, deliberation.options[0].id]]);
  await seed.painem.post(`/groups/${seed.group.id}/deliberations/${deliberation.id}/votes`, { option_id: null });
  await withPage(env.browser, t, PHONE, async (page) => {
    await openDeliberation(page, seed, seed.leaderLogin, deliberation);
    const list = page.getByTestId('votes-list');
    const tukini = list.getByTestId(`vote-${seed.members.tukini.id}`);
    const painem = list.getByTestId(`vote-${seed.members.painem.id}`);
    await tukini.waitFor();
    assert.match(clean(await tukini.innerText()), /^Tukini Rp 10\.000 per kg/);
    assert.equal(clean(await tukini.locator('.vote__recorder').textContent()), `dicatat oleh ${seed.leaderLogin.username}`);
    assert.equal(clean(await painem.innerText()), 'Painem Tidak setuju', 'her own vote names no recorder');
    await assertFitsPhone(page, 'the votes list');
  });
});

test('5 · the form puts a two-thirds vote with its quorum, and the page reads the quorum plainly', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('Sumber Rejeki');
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.leaderLogin);
    await page.goto(`${env.server.url}/groups/${seed.group.id}/deliberations`);
    await page.getByRole('button', { name: 'Usulan baru' }).click();
    const form = page.getByTestId('deliberation-form');
    await form.getByLabel('Judul usulan *').fill('Merek bersama untuk tape');
    await form.getByLabel('Topik *').selectOption('rule');
    await form.getByRole('textbox', { name: 'Pilihan 1' }).fill('Tape Banjarsari');
    await form.getByRole('textbox', { name: 'Pilihan 2' }).fill('Tape Ngajum');
    const quorum = form.getByLabel('Kuorum: suara yang harus masuk sebelum diputuskan');
    // Under consensus nobody votes: no quorum to ask.
    await form.getByText('Musyawarah mufakat', { exact: true }).click();
    assert.equal(await quorum.count(), 0);
    await form.getByText('Dua pertiga suara', { exact: true }).click();
    const hint = await quorum.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby').split(' ')[0]).textContent);
    assert.equal(hint, 'Kosongkan: lebih dari separuh anggota aktif, yaitu 4 dari 6 anggota.');
    await quorum.fill('5');
    await assertFitsPhone(page, 'the new-proposal form');
    await form.getByRole('button', { name: 'Simpan usulan' }).click();
    await page.waitForURL(new RegExp(`/groups/${seed.group.id}/deliberations/\\d+$`));
    const id = Number(page.url().split('/').at(-1));

    const stored = await seed.admin.get(`/groups/${seed.group.id}/deliberations/${id}`);
    assert.equal(stored.rule, 'two_thirds');
    assert.equal(stored.quorum, 5);
    assert.equal(stored.voters, 6);
    assert.equal(clean(await page.getByTestId('deliberation-rule').textContent()), 'Cara memutuskan: Dua pertiga suara');
    assert.equal(clean(await page.getByTestId('quorum').getByRole('paragraph').first().textContent()), '0 dari 6 anggota sudah memilih · kuorum 5');

    await recordSheet(seed, stored, [[seed.members.tukini, stored.options[0].id], [seed.members.sumarni, stored.options[0].id]]);
    await page.reload();
    await eventually(
      async () => clean(await page.getByTestId('quorum').textContent()).startsWith('2 dari 6 anggota sudah memilih · kuorum 5'),
      { message: 'the quorum line to count the two votes' },
    );
    assert.equal(clean(await page.getByTestId('quorum-state').textContent()), 'Kurang 3 suara lagi untuk kuorum.');
    assert.equal(
      await page.getByTestId('quorum').getByRole('progressbar', { name: 'Anggota yang sudah memilih' }).getAttribute('aria-valuenow'),
      '2',
    );
  });
});

test('6 · deciding asks first with the numbers; short of the quorum the server\'s refusal is worded from its numbers', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Maju Jaya');
  const deliberation = await propose(seed, { title: 'Harga tape seragam', options: ['Rp 10.000 per kg', 'Rp 12.000 per kg'] });
  const [ten, twelve] = deliberation.options;
  const { tukini, sumarni, ngatini, wagini } = seed.members;
  const base = `/groups/${seed.group.id}/deliberations/${deliberation.id}`;
  await recordSheet(seed, deliberation, [[tukini, ten.id], [sumarni, ten.id], [ngatini, twelve.id]]);
  await withPage(env.browser, t, PHONE, async (page) => {
    await openDeliberation(page, seed, seed.leaderLogin, deliberation);
    const decide = page.getByTestId('decide');
    await decide.waitFor();
    const blocked = decide.getByRole('button', { name: 'Kuorum belum tercapai' });
    assert.equal(await blocked.isDisabled(), true);
    assert.equal(clean(await decide.getByTestId('decide-quorum').textContent()), 'Baru 3 dari 6 anggota memilih; perlu 4.');

    // The fourth vote arrives: the button counts and asks first.
    await recordSheet(seed, deliberation, [[wagini, ten.id]]);
    await page.reload();
    await decide.getByRole('button', { name: 'Hitung suara dan putuskan' }).click();
    const confirm = decide.getByTestId('decide-confirm');
    await confirm.waitFor();
    const question = clean(await confirm.innerText());
    assert.match(question, /^4 dari 6 anggota sudah memilih\. Usulan diputuskan dengan suara terbanyak: pilihan yang mendapat lebih dari separuh suara yang masuk disepakati\./);
    assert.match(question, /Menurut suara sekarang, "Rp 10\.000 per kg" disepakati \(3 dari 4 suara\)\./);
    await assertFitsPhone(page, 'the question before deciding');
    await confirm.getByRole('button', { name: 'Tidak jadi' }).click();
    assert.equal((await seed.admin.get(base)).decided, false, 'nothing is decided without the yes');

    // A vote is taken back meanwhile: the server refuses, and the page says it with the numbers.
    await seed.leader.delete(`${base}/votes/${wagini.id}`);
    await decide.getByRole('button', { name: 'Hitung suara dan putuskan' }).click();
    await confirm.getByRole('button', { name: 'Ya, hitung dan putuskan' }).click();
    const refusal = decide.getByRole('alert');
    await refusal.waitFor();
    assert.equal(clean(await refusal.textContent()), 'Baru 3 dari 6 anggota memilih; perlu 4.');
    // The page reloads the proposal: the button now says the quorum is short.
    await decide.getByRole('button', { name: 'Kuorum belum tercapai' }).waitFor();
    assert.equal((await seed.admin.get(base)).decided, false);

    await recordSheet(seed, deliberation, [[wagini, ten.id]]);
    await page.reload();
    await decide.getByRole('button', { name: 'Hitung suara dan putuskan' }).click();
    await confirm.getByRole('button', { name: 'Ya, hitung dan putuskan' }).click();
    await page.getByText('Usulan sudah diputuskan.').waitFor();
    assert.match(clean(await page.getByTestId('norm').textContent()), /Harga tape seragam: Rp 10\.000 per kg \(sejak /);
    const decided = await seed.admin.get(base);
    assert.equal(decided.outcome, 'agreed');
    assert.equal(decided.option_id, ten.id);
  });
});

test('7 · a proposal to raise the monthly fee, once agreed, shows its change and sets the fee from that month', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Sekar Tanjung');
  const now = new Date();
  const next = new Date(Date.UTC(now.getFullYear(), now.getMonth() + 1, 1));
  const month = next.toISOString().slice(0, 7);
  const monthWords = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(next);
  const change = `Iuran Rp 15.000 per bulan mulai ${monthWords}`;
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.leaderLogin);
    await page.goto(`${env.server.url}/groups/${seed.group.id}/deliberations`);
    await page.getByRole('button', { name: 'Usulan baru' }).click();
    const form = page.getByTestId('deliberation-form');
    await form.getByLabel('Judul usulan *').fill('Iuran bulanan naik menjadi Rp 15.000');
    await form.getByLabel('Usulan ini mengubah pengaturan kelompok').check();
    assert.equal(await form.getByLabel('Topik *').count(), 0, 'the topic follows the setting');
    assert.equal(await form.getByRole('textbox', { name: 'Pilihan 1' }).count(), 0, 'a change has no options to write');
    await form.getByLabel('Pengaturan yang diubah *').selectOption('monthly_fee');
    await form.getByLabel('Iuran baru per anggota per bulan *').fill('15.000');
    await form.getByLabel('Berlaku mulai bulan *').fill(month);
    await assertFitsPhone(page, 'the form with a change of the fee');
    await form.getByRole('button', { name: 'Simpan usulan' }).click();
    await page.waitForURL(new RegExp(`/groups/${seed.group.id}/deliberations/\\d+$`));
    const id = Number(page.url().split('/').at(-1));
    assert.equal(clean(await page.getByTestId('deliberation').getByTestId('setting-change').textContent()), `Bila disepakati: ${change}`);

    const put = await seed.admin.get(`/groups/${seed.group.id}/deliberations/${id}`);
    assert.equal(put.topic, 'fee_rule');
    assert.deepEqual(
      { setting: put.change.setting, amount: put.change.amount, effective_on: put.change.effective_on },
      { setting: 'monthly_fee', amount: 15_000, effective_on: `${month}-01` },
    );
    assert.equal(put.options.length, 1);
    const yes = put.options[0].id;
    const { tukini, sumarni, ngatini, wagini } = seed.members;
    await recordSheet(seed, put, [[tukini, yes], [sumarni, yes], [ngatini, yes], [wagini, null]]);

    await page.reload();
    const decide = page.getByTestId('decide');
    await decide.getByRole('button', { name: 'Hitung suara dan putuskan' }).click();
    assert.equal(clean(await decide.getByTestId('decide-change').textContent()), `Bila disepakati: ${change}`);
    await decide.getByRole('button', { name: 'Ya, hitung dan putuskan' }).click();
    await page.getByText('Usulan sudah diputuskan.').waitFor();
    assert.equal(clean(await page.getByTestId('deliberation').getByTestId('setting-change').textContent()), `Perubahan yang berlaku: ${change}`);

    const rules = await seed.admin.get(`/groups/${seed.group.id}/fee-rules`);
    const rule = (rules.items ?? rules).find((r) => r.deliberation_id === id);
    assert.ok(rule, `a fee rule citing the deliberation: ${JSON.stringify(rules)}`);
    assert.equal(rule.amount, 15_000);
    assert.equal(rule.from, month);

    // The summary's norms name the rule after the proposal and show the change.
    await page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' }).getByRole('link', { name: 'Ringkasan', exact: true }).click();
    const norms = page.getByTestId('norms');
    await eventually(async () => clean(await norms.textContent()).includes(`Perubahan yang berlaku: ${change}`), {
      message: 'the norm with its change in the summary',
    });
    assert.match(clean(await norms.textContent()), /Iuran bulanan naik menjadi Rp 15\.000/);
    await assertFitsPhone(page, 'the summary with the norm');
  });
});

/** This month where the groups are (the server's "today" is UTC+9), as "YYYY-MM", and the one before. */
const thisMonth = () => dayInIndonesia().slice(0, 7);
const monthBefore = (month) => {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 2, 1)).toISOString().slice(0, 7);
};
/** "Desember 2026": a month as the Indonesian pages write it. */
const monthWords = (month) =>
  new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/**
 * The leader puts a change of a setting to the group in the form (`fill` fills its fields), the four
 * members without an account vote yes through the API (the quorum is four), and she decides it on the page: the change it shows before and
 * after. Resolves with the deliberation's id.
 */
async function agreeOnChange(page, seed, { title, setting, fill, change }) {
  await logIn(page, env.server.url, seed.leaderLogin);
  await page.goto(`${env.server.url}/groups/${seed.group.id}/deliberations`);
  await page.getByRole('button', { name: 'Usulan baru' }).click();
  const form = page.getByTestId('deliberation-form');
  await form.getByLabel('Judul usulan *').fill(title);
  await form.getByLabel('Usulan ini mengubah pengaturan kelompok').check();
  await form.getByLabel('Pengaturan yang diubah *').selectOption(setting);
  await fill(form);
  await assertFitsPhone(page, `the form with a change of ${setting}`);
  await form.getByRole('button', { name: 'Simpan usulan' }).click();
  await page.waitForURL(new RegExp(`/groups/${seed.group.id}/deliberations/\\d+$`));
  const id = Number(page.url().split('/').at(-1));
  // (A member's name arrives with the group's members: the line may say "Anggota #n" first.)
  const line = page.getByTestId('deliberation').getByTestId('setting-change');
  const says = (words) => eventually(async () => new RegExp(`^${words}: ${change}$`).test(clean(await line.textContent())), {
    message: `${words}: ${change}`,
  });
  await says('Bila disepakati');

  const put = await seed.admin.get(`/groups/${seed.group.id}/deliberations/${id}`);
  const yes = put.options[0].id;
  const { tukini, sumarni, ngatini, wagini } = seed.members;
  await recordSheet(seed, put, [[tukini, yes], [sumarni, yes], [ngatini, yes], [wagini, yes]]);
  await page.reload();
  const decide = page.getByTestId('decide');
  await decide.getByRole('button', { name: 'Hitung suara dan putuskan' }).click();
  await decide.getByRole('button', { name: 'Ya, hitung dan putuskan' }).click();
  await page.getByText('Usulan sudah diputuskan.').waitFor();
  await says('Perubahan yang berlaku');
  return id;
}

test('8 · a fee raised from this month by an agreed proposal is what the members owe for it: the fees table and a member’s own page count it', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Sri Rejeki');
  const month = thisMonth();
  const before = monthBefore(month);
  await seed.leader.post(`/groups/${seed.group.id}/fee-rules`, { amount: 10_000, from: before });
  const change = `Iuran Rp 15\\.000 per bulan mulai ${monthWords(month)}`;
  await withPage(env.browser, t, PHONE, async (page) => {
    await agreeOnChange(page, seed, {
      title: 'Iuran bulanan naik menjadi Rp 15.000',
      setting: 'monthly_fee',
      fill: async (form) => {
        await form.getByLabel('Iuran baru per anggota per bulan *').fill('15.000');
        await form.getByLabel('Berlaku mulai bulan *').fill(month);
      },
      change,
    });
  });

  // Last month at the old fee, this month at the new one: Rp 25.000 each, nobody has paid.
  const fees = await seed.admin.get(`/groups/${seed.group.id}/fees`);
  assert.equal(fees.through, month);
  for (const member of fees.members) assert.deepEqual([member.name, member.due, member.arrears], [member.name, 25_000, 25_000]);

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.painemLogin);
    await page.goto(`${env.server.url}/groups/${seed.group.id}/treasury`);
    const rules = page.getByTestId('fee-rules');
    await rules.waitFor();
    assert.deepEqual((await rules.locator('li').allInnerTexts()).map(clean), [
      `Rp 10.000 per bulan sejak ${monthWords(before)}`,
      `Rp 15.000 per bulan sejak ${monthWords(month)} Hasil musyawarah`,
    ], 'the rules, the new one citing its deliberation');
    const row = page.getByTestId(`fees-${seed.members.painem.id}`);
    await row.waitFor();
    assert.match(clean(await row.textContent()), /^Painem\s*Rp 0\s*dari Rp 25\.000\s*Rp 25\.000/);
    assert.equal(clean(await page.getByTestId('fees-summary').textContent()), `Tunggakan iuran sampai ${monthWords(month)}: Rp 150.000.`);

    // Her own page says what she owes and the fee now.
    await page.goto(`${env.server.url}/groups/${seed.group.id}/mine`);
    await page.getByTestId('mine-fee-standing').waitFor();
    assert.equal(clean(await page.getByTestId('mine-fee-standing').textContent()), 'Tunggakan Anda: Rp 25.000');
    await page.getByText('Iuran sekarang Rp 15.000 per bulan.').waitFor();
    await assertFitsPhone(page, 'her own page');
  });
});

test('9 · an agreed proposal for two meetings a month counts the compliance against two from its month, and against one before it', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Mekar Sari');
  const month = thisMonth();
  const before = monthBefore(month);
  const base = `/groups/${seed.group.id}`;
  await seed.leader.post(`${base}/meetings`, { held_on: `${before}-10`, kind: 'formal', venue: 'rumah Bu Sulastri' });
  await seed.leader.post(`${base}/meetings`, { held_on: `${month}-01`, kind: 'formal', venue: 'rumah Bu Sulastri' });
  await withPage(env.browser, t, PHONE, async (page) => {
    await agreeOnChange(page, seed, {
      title: 'Pertemuan dua kali sebulan',
      setting: 'sop_meetings',
      fill: async (form) => {
        await form.getByLabel('Pertemuan wajib sebulan *').fill('2');
        await form.getByLabel('Berlaku mulai bulan *').fill(month);
      },
      change: `Pertemuan wajib 2 kali sebulan mulai ${monthWords(month)}`,
    });

    await page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' }).getByRole('link', { name: 'Kepatuhan SOP', exact: true }).click();
    const table = page.getByTestId('compliance-table');
    await table.waitFor();
    const rows = async () => (await table.locator('tbody tr').allInnerTexts()).map((row) => clean(row).split(' ').slice(-4));
    // The last two rows, oldest first: held, required, percent, attendance.
    await eventually(async () => (await rows()).length >= 2, { message: 'the months of the table' });
    const [last, current] = (await rows()).slice(-2);
    assert.deepEqual(last.slice(0, 3), ['1', '1', '100%'], `${monthWords(before)}: the SOP before the change`);
    assert.deepEqual(current.slice(0, 3), ['1', '2', '50%'], `${monthWords(month)}: as agreed`);
    assert.match(clean(await page.locator('main').textContent()), /SOP: 2 kali pertemuan sebulan\./);

    // This month's card on the summary counts against the agreed two too.
    await page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' }).getByRole('link', { name: 'Ringkasan', exact: true }).click();
    const card = page.getByTestId('this-month');
    await card.getByText(`Bulan ini: ${monthWords(month)}`).waitFor();
    assert.match(clean(await card.textContent()), /1 dari 2 pertemuan wajib/);
    await assertFitsPhone(page, 'the summary after the change');
  });
  const compliance = await seed.admin.get(`${base}/compliance?from=${before}&to=${month}`);
  assert.deepEqual(compliance.months.map((m) => [m.month, m.required, m.percent]), [[before, 1, 100], [month, 2, 50]]);
});

test('10 · an agreed proposal that gives a member a market area shows her claim under the group’s market areas, citing the proposal', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Sido Rukun');
  const today = dayInIndonesia();
  const title = 'Bu Painem berjualan di Pasar Kepanjen';
  await withPage(env.browser, t, PHONE, async (page) => {
    const id = await agreeOnChange(page, seed, {
      title,
      setting: 'market_area',
      fill: async (form) => {
        await form.getByLabel('Anggota *').selectOption({ label: 'Painem' });
        await form.getByLabel('Wilayah pasar *').fill('Pasar Kepanjen');
        await form.getByLabel('Berlaku mulai tanggal *').fill(today);
      },
      change: 'Painem memakai wilayah pasar Pasar Kepanjen mulai .+',
    });

    await page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' }).getByRole('link', { name: 'Wilayah pasar', exact: true }).click();
    const hers = page.getByTestId(`member-areas-${seed.members.painem.id}`);
    // The proposal's title arrives after the claim ("musyawarah #11" until then).
    await hers.getByRole('link', { name: title }).waitFor();
    const text = clean(await hers.textContent());
    assert.match(text, /^Painem/);
    assert.match(text, /Pasar Kepanjen/);
    assert.match(text, new RegExp(`Disepakati dalam musyawarah: ${title}`));
    assert.equal(await page.getByTestId('claims-by-member').locator(':scope > li').count(), 1, 'only her claim');
    await assertFitsPhone(page, 'the market areas');

    const areas = await seed.admin.get(`/groups/${seed.group.id}/market-areas`);
    assert.deepEqual(areas.items.map((a) => [a.member.id, a.area, a.deliberation_id, a.claimed_on]), [[seed.members.painem.id, 'Pasar Kepanjen', id, today]]);
  });
});
