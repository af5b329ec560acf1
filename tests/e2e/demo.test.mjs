// Issue 13 against `gotong demo` itself: the data a new user meets on the first day. The demo
// officer's lists open on Kota Batu, the demo lives in the present, and seed 000's Table 1 is
// shown as the paper states it. The server is started on a database the demo filled.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { PHONE, eventually, logIn, withPage, useServerAndBrowser, clean, dayInIndonesia } from './browser.mjs';
import { startServer } from './server.mjs';

const env = useServerAndBrowser(() => startServer({ demo: true }));

const searchParams = (page) => Object.fromEntries(new URL(page.url()).searchParams);
const login = (username) => env.server.demoLogins[username];

test("the demo officer's registry, area view, renewal round and compliance list open on Kota Batu, and clearing the area shows all", { timeout: 90_000 }, async (t) => {
  const officer = await apiLogin(env.server.url, login('petugas'));
  const batu = (await officer.get('/enterprises?region=35.79&limit=1')).total;
  const everywhere = (await officer.get('/enterprises?limit=1')).total;
  assert.ok(batu > 10_000 && everywhere > batu, `${batu} in Batu of ${everywhere}`);

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, login('petugas'));
    const asked = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/enterprises') asked.push(new URL(request.url()).searchParams.get('region'));
    });

    await page.goto(`${env.server.url}/registry`);
    await page.waitForURL(/\/registry\?region=35\.79$/);
    const total = page.getByTestId('enterprise-total');
    await eventually(async () => clean(await total.textContent()) === `${batu.toLocaleString('id-ID')} usaha ditemukan`, {
      message: `Batu's ${batu} enterprises`,
    });
    // The picker shows Kota Batu once its list of regencies has loaded (it may come after the count).
    await eventually(async () => (await page.getByLabel('Kabupaten/Kota', { exact: true }).first().inputValue()) === '35.79', {
      message: 'the regency picker on Kota Batu',
    });
    assert.ok(!asked.includes(null), `the page asked for all of Indonesia first: ${JSON.stringify(asked)}`);

    // The area view counts Batu's three districts.
    await page.getByRole('link', { name: 'Per wilayah' }).click();
    await page.waitForURL(/\/registry\/areas\?region=35\.79$/);
    await eventually(async () => {
      const names = await page.getByTestId('area-table').locator('tbody th').allTextContents();
      return JSON.stringify(names.map(clean).sort()) === JSON.stringify(['Batu', 'Bumiaji', 'Junrejo']);
    }, { message: "Batu's districts" });

    // The officer clears the area: every enterprise she reaches, and the address says so.
    await page.getByRole('link', { name: 'Daftar usaha' }).click();
    await page.getByText('Saring data').click();
    await page.getByRole('button', { name: 'Hapus semua saringan' }).click();
    await eventually(async () => searchParams(page).region === undefined, { message: 'no region in the URL' });
    await eventually(async () => clean(await total.textContent()) === `${everywhere.toLocaleString('id-ID')} usaha ditemukan`, {
      message: 'every enterprise',
    });

    // The renewal round starts in Kota Batu: the officer chooses one of its districts, not a province.
    await page.goto(`${env.server.url}/renewal`);
    await page.waitForURL(/\/renewal\?village=35\.79$/);
    const district = page.getByLabel('Kecamatan', { exact: true });
    await eventually(async () => (await district.locator('option').allTextContents()).includes('Bumiaji'), {
      message: "Batu's districts to choose from",
    });

    // SOP compliance across the region lists the Batu group the Dinas keeps.
    await page.goto(`${env.server.url}/groups/compliance`);
    await page.waitForURL(/\/groups\/compliance\?region=35\.79$/);
    await page.getByTestId('region-compliance-cards').getByText('KUB Keripik Apel Makmur').waitFor();
  });
});

test("the demo officer's group list holds the Batu group her Dinas keeps, and no group another stakeholder keeps", { timeout: 60_000 }, async (t) => {
  const admin = await apiLogin(env.server.url, login('admin'));
  const officer = await apiLogin(env.server.url, login('petugas'));
  // The server narrows an officer's groups to those her stakeholder stewards (not to a region).
  const all = (await admin.get('/groups?limit=100')).items;
  const hers = (await officer.get('/groups?limit=100')).items;
  const stakeholder = officer.user.scope.id;
  assert.equal(officer.user.scope.kind, 'stakeholder');
  assert.deepEqual(hers.map((g) => g.id).sort(), all.filter((g) => g.steward_id === stakeholder).map((g) => g.id).sort());
  const batu = hers.find((g) => g.name === 'KUB Keripik Apel Makmur');
  assert.ok(batu, JSON.stringify(hers));
  assert.ok(batu.village_code.startsWith('35.79.'), 'in Kota Batu');
  const elsewhere = all.filter((g) => g.steward_id !== stakeholder);
  assert.ok(elsewhere.length >= 2, `the demo's other groups: ${JSON.stringify(all.map((g) => [g.name, g.steward_id]))}`);

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, login('petugas'));
    await page.goto(`${env.server.url}/groups`);
    const card = page.getByTestId(`group-card-${batu.id}`);
    await card.waitFor();
    assert.match(clean(await card.textContent()), /KUB Keripik Apel Makmur.*Batu/);
    await eventually(async () => clean(await page.getByTestId('group-total').textContent()) === `${hers.length} kelompok`, {
      message: `${hers.length} groups`,
    });
    assert.equal(await page.locator('[data-testid^="group-card-"]').count(), hers.length);
    for (const group of elsewhere) assert.equal(await page.getByTestId(`group-card-${group.id}`).count(), 0, `${group.name} is not hers`);
  });
});

test("seed 000's batik community on the mentor's phone: Table 1 as the paper states it, and the joint order past its day marked", { timeout: 60_000 }, async (t) => {
  const admin = await apiLogin(env.server.url, login('admin'));
  const batik = (await admin.get('/groups?q=Citra')).items[0];
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, login('mentor'));
    await page.goto(`${env.server.url}/groups/${batik.id}/members`);
    const ja = page.getByTestId('member-list').locator(':scope > li', { has: page.getByRole('heading', { name: 'JA', exact: true }) });
    await ja.waitFor();
    // The paper's JA joined in 2013, before the community was founded in 2017: kept, and said.
    assert.match(clean(await ja.textContent()), /Bergabung 2013 · sebelum kelompok berdiri \(2017\) — periksa datanya/);
    assert.equal(clean(await ja.getByTestId('member-person').textContent()), 'lahir 1973 · ibu rumah tangga');

    await page.goto(`${env.server.url}/groups/${batik.id}/orders`);
    await page.getByTestId('order-overdue').first().waitFor();
    assert.equal(clean(await page.getByTestId('order-overdue').first().textContent()), 'Lewat tenggat');
  });
});

/** This month where the groups are (the server's "today" is UTC+9), as "YYYY-MM". */
const thisMonth = () => dayInIndonesia().slice(0, 7);
/** "Desember 2026": a month as the Indonesian pages write it. */
const monthWords = (month) =>
  new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

test("the tape group's leader finds two years of history ending this month: 200% over the default 12 months, fees paid up to now but for the two who fell behind, and its origin in the programme", { timeout: 90_000 }, async (t) => {
  const leader = await apiLogin(env.server.url, login('ketua'));
  const tape = (await leader.get('/groups')).items[0];
  const month = thisMonth();
  const fees = await leader.get(`/groups/${tape.id}/fees`);
  const meetings = await leader.get(`/groups/${tape.id}/meetings?limit=1`);
  // The demo's history ends in the current month, whichever day it runs.
  assert.equal(meetings.items[0].held_on.slice(0, 7), month);
  assert.equal(fees.through, month);
  const behind = fees.members.filter((m) => m.arrears > 0);
  // Only the two members the demo makes fall behind owe; everyone else paid every month it filled.
  assert.equal(behind.length, 2, JSON.stringify(fees.members));
  for (const member of fees.members.filter((m) => m.arrears <= 0)) assert.equal(member.paid, member.due, member.name);

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, login('ketua'));
    await page.goto(`${env.server.url}/groups`);
    await page.waitForURL(`${env.server.url}/groups/${tape.id}`);
    // This month's card counts this month's meetings: the history is not two years old.
    const card = page.getByTestId('this-month');
    await card.getByText(`Bulan ini: ${monthWords(month)}`).waitFor();
    assert.match(clean(await card.textContent()), /2 dari 1 pertemuan wajib/);
    const profile = clean(await page.getByTestId('group-profile').textContent());
    assert.match(profile, /Dibentuk oleh program/);
    assert.match(profile, /Keputusan Kepala Desa Banjarsari/);

    // The compliance tab's default span is the last 12 months, ending now: seed 001's 200%.
    const tabs = page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' });
    await tabs.getByRole('link', { name: 'Kepatuhan SOP', exact: true }).click();
    const summary = page.getByTestId('compliance-summary');
    await summary.waitFor();
    assert.match(clean(await summary.textContent()), /kepatuhan 200%/);
    assert.match(clean(await page.locator('main').textContent()), new RegExp(`– ${monthWords(month)}`));

    // The fees table owes for the months the two missed, not for months the demo never filled.
    await tabs.getByRole('link', { name: 'Kas', exact: true }).click();
    const table = page.getByTestId('fees-table');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr.fees-row--arrears').count(), 2);
    assert.equal(await table.locator('tbody tr').count(), fees.members.length);
    assert.match(clean(await page.getByTestId('fees-summary').textContent()), new RegExp(`sampai ${monthWords(month)}`));
  });
});

test('the batik community has met: its landing page does not say 0 meetings', { timeout: 60_000 }, async (t) => {
  const admin = await apiLogin(env.server.url, login('admin'));
  const batik = (await admin.get('/groups?q=Citra')).items[0];
  const meetings = await admin.get(`/groups/${batik.id}/meetings?limit=1`);
  assert.ok(meetings.total > 0);
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, login('mentor'));
    await page.goto(`${env.server.url}/groups/${batik.id}/meetings`);
    await page.getByTestId(`meeting-${meetings.items[0].id}`).waitFor();
    assert.equal(await page.getByTestId('meeting-list').locator(':scope > li').count(), Math.min(meetings.total, 20));

    // The landing page's first card, the one people see first, counts this month's meeting.
    const month = thisMonth();
    const held = (await admin.get(`/groups/${batik.id}/meetings?limit=20`)).items.filter((m) => m.held_on.startsWith(month)).length;
    assert.ok(held > 0, 'the batik community met this month');
    await page.goto(`${env.server.url}/groups/${batik.id}`);
    const card = page.getByTestId('this-month');
    await card.getByText(`Bulan ini: ${monthWords(month)}`).waitFor();
    assert.match(clean(await card.textContent()), new RegExp(`${held} dari ${batik.sop_meetings_per_month} pertemuan wajib`));
    assert.doesNotMatch(clean(await card.textContent()), /\b0 dari/);
  });
});

test("seed 000's comparison in the demo: DW's piece re-processed six times in Citra Gendhis, and Batu's officer sees the consultant's slower answers beside the leader's", { timeout: 60_000 }, async (t) => {
  const officer = await apiLogin(env.server.url, login('petugas'));
  const mentor = await apiLogin(env.server.url, login('mentor'));
  const batik = (await mentor.get('/groups')).items[0];
  const requests = await mentor.get(`/help-requests?group_id=${batik.id}&limit=20`);
  const dw = requests.items.find((r) => r.member.name === 'DW');
  assert.ok(dw, JSON.stringify(requests.items.map((r) => r.member)));
  assert.equal(dw.status, 'resolved');
  assert.equal(dw.attempt_count, 6);
  assert.ok(dw.knowledge_post_id, 'shared with the group');
  const batu = (await officer.get('/groups?q=Keripik')).items[0];
  const outcomes = await officer.get(`/groups/${batu.id}/learning-outcomes`);
  assert.deepEqual(outcomes.by_origin.map((o) => [o.origin, o.help_requests.resolution.median_hours]), [['community', 28], ['external', 192]]);

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, login('petugas'));
    await page.goto(`${env.server.url}/groups/${batu.id}/learning`);
    const comparison = page.getByTestId('origin-chart');
    await comparison.getByTestId('origin-external').waitFor();
    assert.match(clean(await comparison.getByTestId('origin-community').innerText()), /^Mentor komunitas — 0 siklus selesai 3 jam 28 jam 2 bantuan selesai$/);
    assert.match(clean(await comparison.getByTestId('origin-external').innerText()), /^Konsultan luar 80% 1 siklus selesai 30 jam 8 hari 2 bantuan selesai$/);
    await comparison.scrollIntoViewIfNeeded();
    await eventually(async () => (await comparison.locator('svg.recharts-surface').count()) === 2, { message: 'the comparison charts' });
  });
});
