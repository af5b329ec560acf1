// Issue 13, "member", against `gotong demo` on a 360×740 phone: Painem (the demo's `anggota`) opens
// her group, reads there that the group's books are open to every member, and taps "Milik saya" to
// see her own records — her fees as the group's fee list counts them, her share of a joint order,
// her votes and her post — each checked against what the API's own lists say of her.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { PHONE, eventually, logIn, withPage, useServerAndBrowser, clean, dayInIndonesia } from './browser.mjs';
import { startServer } from './server.mjs';

const env = useServerAndBrowser(() => startServer({ demo: true }));

const login = (username) => env.server.demoLogins[username];
const rupiah = (amount) =>
  clean(new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount));

const OPEN_BOOKS =
  'Buku kelompok terbuka: semua anggota dapat melihat kas, iuran setiap anggota, pesanan bersama, suara, dan tulisan berbagi ilmu.';

/** Every proposal of the group with Painem's vote on it, read one by one as the proposal pages read them. */
async function votesOf(api, groupId, memberId) {
  const { items } = await api.get(`/groups/${groupId}/deliberations?limit=200`);
  const votes = [];
  for (const { id } of items) {
    const deliberation = await api.get(`/groups/${groupId}/deliberations/${id}`);
    const vote = deliberation.votes.find((v) => v.member_id === memberId);
    if (vote) {
      const option = deliberation.options.find((o) => o.id === vote.option_id);
      votes.push({ id, title: deliberation.title, choice: option ? option.label : null });
    }
  }
  return votes;
}

test("Painem reads the open-books rule on her group's page, taps 'Milik saya', and sees her fees, order share, votes and post as the group's lists have them", { timeout: 120_000 }, async (t) => {
  const painemApi = await apiLogin(env.server.url, login('anggota'));
  const leader = await apiLogin(env.server.url, login('ketua'));
  const group = (await painemApi.get('/groups')).items.find((g) => g.name === 'KUB Harapan Sejahtera');
  assert.ok(group, 'the tape group is in her list');
  const painem = (await painemApi.get(`/groups/${group.id}`)).member_id;
  assert.ok(painem, 'her account acts as a member of the group');
  const base = `/groups/${group.id}`;

  // The demo gives the tape group no joint order or post of hers: the leader splits an order
  // with her, and she shares what she learnt.
  const members = (await leader.get(`${base}/members?limit=200`)).items;
  const sulastri = members.find((m) => m.person.name === 'Sulastri');
  const order = await leader.post(`${base}/orders`, {
    customer: 'Toko Oleh-oleh Batu',
    product: 'Tape singkong',
    quantity: 60,
    unit: 'kg',
    unit_price: 12_000,
    due_on: dayInIndonesia(14),
    capacities: [
      { member_id: sulastri.id, capacity: 40 },
      { member_id: painem, capacity: 20 },
    ],
  });
  const post = await painemApi.post(`${base}/posts`, {
    kind: 'technique',
    title: 'Tape tidak terlalu asam: ragi dikurangi setengah',
    body: 'Ragi dikurangi setengah, fermentasi 2 hari di tempat sejuk.',
  });

  // What the group's own lists say of her: the fee list, the orders, each proposal's votes, the posts.
  const fees = await painemApi.get(`${base}/fees`);
  const myFees = fees.members.find((row) => row.member_id === painem);
  assert.ok(myFees, 'she is on the fee list');
  const myShare = order.shares.find((share) => share.member.id === painem);
  assert.ok(myShare && myShare.quantity > 0, 'she has a share of the order');
  const myOrders = (await painemApi.get(`${base}/orders?limit=200`)).items.filter((o) => o.shares.some((s) => s.member.id === painem));
  const myVotes = await votesOf(painemApi, group.id, painem);
  assert.ok(myVotes.length > 0, 'the demo has her votes');
  const myPosts = (await painemApi.get(`${base}/posts?limit=200`)).items.filter((p) => p.member.id === painem);

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, login('anggota'));
    // Her account belongs to one group: "Kelompok" opens it.
    await page.goto(`${env.server.url}/groups`);
    await page.waitForURL(`${env.server.url}${base}`);

    // The rule is stated on the group's page itself, in view without a tap.
    const rule = page.getByTestId('open-books');
    await rule.waitFor();
    assert.equal(clean(await rule.textContent()), OPEN_BOOKS);
    assert.equal(await rule.isVisible(), true);
    const box = await rule.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 740, `the rule is on the first screen: ${JSON.stringify(box)}`);

    // She reaches her own records by tapping the tab.
    const summaries = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/summary')) summaries.push(request.url());
    });
    await page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' }).getByRole('link', { name: 'Milik saya', exact: true }).click();
    await page.waitForURL(`${env.server.url}${base}/mine`);
    const feeCard = page.getByTestId('mine-fees');
    await feeCard.waitFor();
    assert.equal(summaries.length, 1, `one request for all her records: ${JSON.stringify(summaries)}`);
    assert.equal(clean(await page.getByTestId('open-books').textContent()), OPEN_BOOKS);

    // Her fees agree with the group's fee list.
    const standing = clean(await page.getByTestId('mine-fee-standing').textContent());
    if (myFees.arrears > 0) {
      assert.equal(standing, `Tunggakan Anda: ${rupiah(myFees.arrears)}`);
    } else {
      assert.match(standing, /^Iuran Anda lunas sampai \S+ \d{4}$/);
    }
    const figures = clean(await page.getByTestId('mine-fee-figures').textContent());
    assert.ok(
      figures.startsWith(`Wajib ${rupiah(myFees.due)}, dibayar ${rupiah(myFees.paid)}, dihitung sampai `),
      `her due and paid as GET /fees says (${myFees.due}, ${myFees.paid}): ${figures}`,
    );

    // Her share of the order, linked to the order.
    const orders = page.getByTestId('mine-orders');
    assert.match(clean(await orders.getByRole('heading', { level: 2 }).textContent()), new RegExp(`\\(${myOrders.length}\\)$`));
    const card = page.getByTestId(`mine-order-${order.id}`);
    assert.match(clean(await card.textContent()), new RegExp(`Bagian Anda: ${myShare.quantity} kg · ${rupiah(myShare.payout).replace('.', '\\.')}`));

    // Her votes: each shown with her choice, as the proposal's own page records it.
    const votes = page.getByTestId('mine-votes');
    assert.match(clean(await votes.getByRole('heading', { level: 2 }).textContent()), new RegExp(`\\(${myVotes.length}\\)$`));
    const shown = await votes.locator('[data-testid^="mine-vote-"]').evaluateAll((cards) => cards.map((c) => Number(c.dataset.testid.slice(10))));
    assert.equal(shown.length, Math.min(5, myVotes.length));
    for (const id of shown) {
      const vote = myVotes.find((v) => v.id === id);
      assert.ok(vote, `proposal ${id} is one she voted on`);
      const text = clean(await page.getByTestId(`mine-vote-${id}`).textContent());
      assert.ok(text.startsWith(vote.title), text);
      assert.ok(text.includes(vote.choice ? `Pilihan Anda: ${vote.choice}` : 'Anda tidak setuju usulan ini'), text);
    }

    // Her post, and none of anyone else's.
    const posts = page.getByTestId('mine-posts');
    assert.match(clean(await posts.getByRole('heading', { level: 2 }).textContent()), new RegExp(`\\(${myPosts.length}\\)$`));
    assert.match(clean(await page.getByTestId(`mine-post-${post.id}`).textContent()), /^Tape tidak terlalu asam/);

    // The view fits her phone.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `her records are ${width}px wide on a 360px phone`);

    // Her order opens from its card.
    await card.getByRole('link').click();
    await page.waitForURL(`${env.server.url}${base}/orders/${order.id}`);
    await eventually(async () => (await page.getByRole('heading', { level: 2 }).allTextContents()).some((h) => h.includes('Tape singkong')), {
      message: 'the order page',
    });
  });
});

test("on her phone Painem sees her competencies: where her last evaluation left her, and what the cycle under way aims her at", { timeout: 120_000 }, async (t) => {
  const admin = await apiLogin(env.server.url, login('admin'));
  const painemApi = await apiLogin(env.server.url, login('anggota'));
  const group = (await painemApi.get('/groups')).items.find((g) => g.name === 'KUB Harapan Sejahtera');
  const painem = (await painemApi.get(`/groups/${group.id}`)).member_id;
  const members = (await admin.get(`/groups/${group.id}/members?limit=200`)).items.filter((m) => m.active);
  const mentor = members.find((m) => m.person.name === 'Sulastri');
  const competencies = (await admin.get('/competencies?sector=food_processing&limit=200')).items;
  const yeast = competencies.find((c) => c.code === 'tape.ragi');
  const cassava = competencies.find((c) => c.code === 'tape.singkong');
  // A closed cycle: she reached cassava, not yet yeast; then a new one under way aims her at yeast.
  const first = await admin.post('/cycles', {
    group_id: group.id,
    title: 'Belajar ragi',
    theme: 'Tape yang manis',
    mentor_member_id: mentor.id,
    mentor_origin: 'community',
    targets: [{ competency_id: yeast.id, level: 2 }, { competency_id: cassava.id, level: 2 }],
    mentees: [{ member_id: painem }],
  });
  await admin.post(`/cycles/${first.id}/transitions`, { to: 'implementation' }, 200);
  await admin.post(`/cycles/${first.id}/sessions`, { held_on: dayInIndonesia(-1), practice: 'membuat ragi dari tepung beras' });
  await admin.post(`/cycles/${first.id}/transitions`, { to: 'evaluation' }, 200);
  await admin.post(`/cycles/${first.id}/evaluations`, { member_id: painem, competency_id: yeast.id, achieved: false, level: 1 });
  await admin.post(`/cycles/${first.id}/evaluations`, { member_id: painem, competency_id: cassava.id, achieved: true, level: 2 });
  await admin.post(`/cycles/${first.id}/transitions`, { to: 'closed' }, 200);
  const second = await admin.post('/cycles', {
    group_id: group.id,
    title: 'Tape ketan hitam',
    theme: 'Tape ketan hitam',
    mentor_member_id: mentor.id,
    mentor_origin: 'community',
    targets: [{ competency_id: yeast.id, level: 3 }],
    mentees: [{ member_id: painem }],
  });
  await admin.post(`/cycles/${second.id}/transitions`, { to: 'implementation' }, 200);

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, login('anggota'));
    await page.goto(`${env.server.url}/groups/${group.id}/mine`);
    const card = page.getByTestId('mine-competencies');
    await card.waitFor();
    assert.equal(clean(await card.getByRole('heading', { level: 2 }).textContent()), 'Kompetensi saya (2)');
    // What she learns now first: yeast, not yet reached, and the cycle under way that aims her higher.
    const lines = card.locator('[data-testid^="mine-competency-"]:not([data-testid*="-latest"]):not([data-testid*="-target-"])');
    assert.deepEqual((await lines.locator('h3').allTextContents()).map(clean), [yeast.name, cassava.name]);
    // Evaluated today, in the closed cycle.
    assert.match(
      clean(await page.getByTestId(`mine-competency-${yeast.id}-latest`).textContent()),
      /^Belum tercapai · Tingkat 1 · \d{1,2} \S+ \d{4}Dinilai dalam siklus Belajar ragi$/,
    );
    assert.equal(
      clean(await page.getByTestId(`mine-competency-${yeast.id}-target-${second.id}`).textContent()),
      'Target tingkat 3 dalam siklus Tape ketan hitam Pelaksanaan',
    );
    assert.match(clean(await page.getByTestId(`mine-competency-${cassava.id}-latest`).textContent()), /^Tercapai · Tingkat 2 · /);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `her own page is ${width}px wide on a 360px phone`);

    // The cycle under way is one tap away.
    await page.getByTestId(`mine-competency-${yeast.id}-target-${second.id}`).getByRole('link', { name: 'Tape ketan hitam' }).click();
    await page.waitForURL(`${env.server.url}/groups/${group.id}/learning/${second.id}`);
  });
});

test('on her phone Painem proposes a learning theme herself, and the leader finds it named hers, to bring to a meeting', { timeout: 120_000 }, async (t) => {
  const painemApi = await apiLogin(env.server.url, login('anggota'));
  const group = (await painemApi.get('/groups')).items.find((g) => g.name === 'KUB Harapan Sejahtera');
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, login('anggota'));
    await page.goto(`${env.server.url}/groups/${group.id}/deliberations`);
    await page.getByRole('button', { name: 'Usulkan tema belajar' }).click();
    const form = page.getByTestId('deliberation-form');
    assert.equal(await form.getByLabel(/^Topik/).count(), 0, 'the topic is a learning theme; she does not choose it');
    await form.getByLabel(/^Judul usulan/).fill('Tema belajar: tape ketan hitam');
    await form.getByLabel('Pilihan 1', { exact: true }).fill('Tape ketan hitam');
    await form.getByLabel('Pilihan 2', { exact: true }).fill('Tape singkong madu');
    await form.getByRole('button', { name: 'Simpan usulan' }).click();
    await page.getByText('Usulan sudah dicatat.').waitFor();
    assert.equal(clean(await page.getByTestId('proposed-by').textContent()), 'Diusulkan oleh Painem');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the proposal is ${width}px wide on a 360px phone`);
  });
  // Through the API as the leader: the list names her, and the group's other topics stay the leader's.
  const leader = await apiLogin(env.server.url, login('ketua'));
  const { items } = await leader.get(`/groups/${group.id}/deliberations?limit=5`);
  const mine = items.find((d) => d.title === 'Tema belajar: tape ketan hitam');
  assert.equal(mine?.proposed_by?.name, 'Painem');
  assert.equal(mine.topic, 'learning_theme');
  await painemApi.post(`/groups/${group.id}/deliberations`, { title: 'Harga tape', topic: 'price', options: ['Rp 12.000'] }, 403);
});
