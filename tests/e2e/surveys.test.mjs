// Issue 14, surveys (seed 000's questionnaires, a section of the group's learning tab), against the
// real server on a 360×740 phone: Ibu Darmi, the group's mentor, starts the perception survey;
// Painem answers it and the benefits checklist, sees her answers, and the charts count her; Ibu
// Darmi enters the open answers of Tukini, who has no account, tags a passage of Painem's answer
// with a code, sees the code's frequency, and downloads the coding as a CSV sheet holding the tag.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { PHONE, clean, eventually, logIn, withPage, useServerAndBrowser } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);

const PASSWORD = 'kata sandi e2e yang panjang';
const BANJARSARI = '35.07.20.2004'; // Banjarsari, Ngajum, Kabupaten Malang
const JU_SAYS = 'Setelah pelatihan saya membantu teman yang kesulitan. Intinya kerja sama, semua saling membantu.';

let groups = 0;

/** An account of `role` scoped to the group, acting as the member `memberId`. */
async function accountFor(admin, group, memberId, role, username) {
  const user = await admin.post('/users', { username, display_name: username, role, password: PASSWORD, scope: { kind: 'group', id: group.id } });
  await admin.patch(`/groups/${group.id}/members/${memberId}`, { user_id: user.id });
  return { username, password: PASSWORD };
}

/** A batik group as seed 000's: Sulastri leads, Ibu Darmi mentors, Painem learns, Tukini has no account. */
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
  const members = {
    sulastri: await add('Sulastri', 'leader'),
    darmi: await add('Ibu Darmi', 'member', true),
    painem: await add('Painem'),
    tukini: await add('Tukini'),
  };
  const memberLogin = await accountFor(admin, group, members.painem.id, 'member', `painem-s${groups}`);
  const mentorLogin = await accountFor(admin, group, members.darmi.id, 'mentor', `darmi-s${groups}`);
  const templates = (await admin.get('/survey-templates')).items;
  const template = (code) => templates.find((tpl) => tpl.code === code);
  return { admin, group, members, memberLogin, mentorLogin, template };
}

/** The page's width as the browser lays it out: more than 360 means the reader must scroll sideways. */
async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

/** The cells of a table's rows, as a reader sees them. */
async function tableRows(table) {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim())),
  );
}

test('1 · the mentor starts the perception survey; Painem answers it and the benefits checklist on her phone, and the charts count her', { timeout: 120_000 }, async (t) => {
  const seed = await seedGroup('Komunitas Batik Survei');
  const base = `${env.server.url}/groups/${seed.group.id}`;
  const benefits = await seed.admin.post('/surveys', { group_id: seed.group.id, template_id: seed.template('seed000.benefits').id });
  let perceptionId = 0;

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.mentorLogin);
    await page.goto(base);
    // The group's surveys are a section of its learning tab.
    await page.getByTestId('workspace-tabs').getByRole('link', { name: 'Belajar', exact: true }).click();
    await page.waitForURL(`${base}/learning`);
    await page.getByTestId('surveys').getByRole('button', { name: 'Mulai survei' }).click();
    const form = page.getByTestId('survey-start');
    await form.getByLabel('Jenis survei').selectOption({ label: 'Persepsi model pendampingan (5 pertanyaan)' });
    await form.getByRole('button', { name: 'Mulai' }).click();
    await page.getByText('Survei sudah dibuka. Anggota bisa mulai menjawab.').waitFor();
    perceptionId = Number(new URL(page.url()).searchParams.get('survey'));
    assert.ok(perceptionId > 0, `the survey's page opened: ${page.url()}`);
    await page.getByRole('heading', { level: 2, name: 'Persepsi model pendampingan' }).waitFor();
  });

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.memberLogin);
    await page.goto(`${base}/learning`);
    const list = page.getByTestId('survey-list');
    await list.getByRole('link', { name: 'Persepsi model pendampingan' }).click();
    await page.waitForURL(`${base}/learning?survey=${perceptionId}`);
    const form = page.getByTestId('survey-answer');
    const statements = form.getByTestId('scale-question');
    await statements.first().waitFor();
    assert.equal(await statements.count(), 5);
    await assertFitsPhone(page, 'the perception form');

    // Sending with nothing chosen: each statement says so.
    await form.getByRole('button', { name: 'Kirim jawaban' }).click();
    await form.getByText('Pilih salah satu jawaban.').first().waitFor();
    assert.equal(await form.getByText('Pilih salah satu jawaban.').count(), 5);

    // A big choice in words per statement; each a whole row to tap.
    const choices = ['5 · Sangat setuju', '5 · Sangat setuju', '4 · Setuju', '5 · Sangat setuju', '3 · Ragu-ragu'];
    for (const [i, choice] of choices.entries()) {
      const option = statements.nth(i).locator('label', { hasText: choice });
      const box = await option.boundingBox();
      assert.ok(box && box.height >= 44 && box.width >= 280, `a choice is big enough to tap: ${JSON.stringify(box)}`);
      await option.tap();
    }
    await form.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Terima kasih, jawaban Anda sudah tersimpan.').waitFor();
    const own = page.getByTestId('own-answers');
    await own.waitFor();
    assert.match(clean(await own.textContent()), /Mentor memberi contoh, lalu kami mempraktikkan5 · Sangat setuju/);
    assert.match(clean(await own.textContent()), /Hasil belajar dibagikan di grup3 · Ragu-ragu/);
    assert.equal(await page.getByTestId('survey-answer').count(), 0);

    // Figure 1: her answers counted, a bar per statement drawn.
    const table = page.getByTestId('scale-table');
    await table.waitFor();
    await eventually(async () => clean(await page.getByTestId('survey-respondents').textContent()) === 'Dari 1 anggota yang menjawab.', {
      message: 'one respondent',
    });
    const rows = await tableRows(table);
    assert.deepEqual(rows[0], ['1. Mentor memberi contoh, lalu kami mempraktikkan', '0', '0', '0', '0', '1', '1', '5 dari 5']);
    assert.deepEqual(rows[4], ['5. Hasil belajar dibagikan di grup', '0', '0', '1', '0', '0', '1', '3 dari 5']);
    assert.ok((await page.getByTestId('scale-chart').locator('svg .recharts-bar-rectangle').count()) >= 5, 'the stacked bars are drawn');
    await assertFitsPhone(page, 'the perception survey with its chart');

    // The benefits checklist: two ticked.
    await page.goto(`${base}/learning?survey=${benefits.id}`);
    const checklist = page.getByTestId('survey-answer');
    await checklist.getByRole('group', { name: 'Centang semua yang Anda rasakan' }).waitFor();
    await checklist.getByLabel('Keterampilan meningkat').check();
    await checklist.getByLabel('Ikut pemasaran bersama').check();
    await checklist.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Terima kasih, jawaban Anda sudah tersimpan.').waitFor();
    await page.getByTestId('own-answers').waitFor();
    assert.match(clean(await page.getByTestId('own-answers').textContent()), /Pendapatan bulanan naikTidak dipilih/);

    // Figure 2: the share of members choosing each benefit.
    const checks = page.getByTestId('check-table');
    await checks.waitFor();
    await eventually(async () => (await tableRows(checks))[0]?.[1] === '1 dari 1 anggota', { message: 'her benefits counted' });
    const benefitRows = await tableRows(checks);
    assert.deepEqual(benefitRows[0], ['Keterampilan meningkat', '1 dari 1 anggota', '100%']);
    assert.deepEqual(benefitRows[1], ['Pendapatan bulanan naik', '0 dari 1 anggota', '0%']);
    assert.deepEqual(benefitRows[2], ['Ikut pemasaran bersama', '1 dari 1 anggota', '100%']);
    assert.ok((await page.getByTestId('check-chart').locator('svg .recharts-bar-rectangle').count()) >= 2, 'the benefit bars are drawn');
    await assertFitsPhone(page, 'the benefits survey with its chart');
  });

  // The server counted her in both.
  const perception = await seed.admin.get(`/surveys/${perceptionId}`);
  assert.equal(perception.responses, 1);
  assert.deepEqual(perception.summary[0].scale_counts, [0, 0, 0, 0, 1]);
});

test('2 · the mentor answers for Tukini, tags a passage of Painem’s open answer, sees its frequency, and downloads the coding', { timeout: 120_000 }, async (t) => {
  const seed = await seedGroup('Komunitas Batik Kode');
  const base = `${env.server.url}/groups/${seed.group.id}`;
  const open = seed.template('seed000.open');
  const values = open.questions.find((q) => q.code === 'nilai');
  const survey = await seed.admin.post('/surveys', { group_id: seed.group.id, template_id: open.id });
  const painem = await apiLogin(env.server.url, seed.memberLogin);
  await painem.post(`/surveys/${survey.id}/responses`, { answers: [{ question_id: values.id, text: JU_SAYS }] });

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.mentorLogin);
    await page.goto(`${base}/learning?survey=${survey.id}`);

    // Tukini has no account: the mentor writes down what she said.
    const forMember = page.getByTestId('survey-answer-for');
    await forMember.waitFor();
    const choices = await forMember.getByLabel('Anggota').locator('option').allTextContents();
    assert.deepEqual(choices, ['Pilih anggota', 'Sulastri', 'Tukini']);
    await forMember.getByLabel('Anggota').selectOption({ label: 'Tukini' });
    await forMember.getByLabel('Nilai apa yang Anda rasakan selama bergabung?').fill('Persahabatan, tidak ada yang pelit ilmu.');
    await forMember.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Jawaban Tukini sudah tersimpan.').waitFor();

    await page.getByRole('link', { name: 'Pengodean jawaban terbuka' }).click();
    await page.waitForURL(`${base}/learning?survey=${survey.id}&view=coding`);
    await page.getByLabel('Pertanyaan').selectOption({ label: `5. ${values.text}` });
    const answer = page.getByTestId('coding-answer').filter({ hasText: 'Jawaban Painem' });
    await answer.waitFor();
    await assertFitsPhone(page, 'the coding page');

    // She selects "kerja sama" in the answer, then taps "Beri kode".
    await answer.locator('[data-coding-answer]').evaluate((element, passage) => {
      const node = [...element.querySelectorAll('span')].map((span) => span.firstChild).find((n) => n && n.textContent.includes(passage));
      const start = node.textContent.indexOf(passage);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + passage.length);
      document.getSelection().removeAllRanges();
      document.getSelection().addRange(range);
    }, 'Intinya kerja sama');
    await answer.getByRole('button', { name: 'Beri kode' }).click();
    const form = answer.getByTestId('tag-form');
    await eventually(async () => (await form.getByLabel('Kutipan').inputValue()) === 'Intinya kerja sama', { message: 'the selection as the quote' });
    await form.getByLabel('Kode').selectOption({ label: 'Kerja sama' });
    await form.getByRole('button', { name: 'Simpan kode' }).click();
    await page.getByText('Kutipan sudah diberi kode.').waitFor();
    await answer.locator('mark', { hasText: 'Intinya kerja sama' }).waitFor();
    assert.match(clean(await answer.getByTestId('coding-tags').textContent()), /Kerja sama: “Intinya kerja sama”/);

    // The code's frequency: one passage, one member.
    const frequencies = page.getByTestId('frequency-table');
    await frequencies.waitFor();
    await eventually(async () => (await tableRows(frequencies)).some((row) => row.join('|') === 'Kerja sama|1|1'), { message: 'the frequency of kerja sama' });
    assert.ok((await page.getByTestId('frequency-chart').locator('svg .recharts-bar-rectangle').count()) >= 1, 'the frequency bar is drawn');

    // The CSV for Excel holds the tagged passage.
    const download = page.waitForEvent('download');
    await page.getByTestId('coding-csv').click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    assert.ok(csv.startsWith('\ufeff'), 'the sheet starts with a BOM for Excel');
    assert.match(csv, /Painem;[^;\r\n]*;kerja_sama;Kerja sama;Intinya kerja sama\r\n/);
    assert.match(csv, /kerja_sama;Kerja sama;1;1\r\n/);
    // The co-occurrences follow the frequencies: one code alone makes no pair yet.
    assert.ok(csv.endsWith('\r\nkode_a;kode_b;jumlah_anggota\r\n'), 'the co-occurrences block ends the sheet');
  });

  // What the server kept: one tag, on Painem's response, with the passage she selected.
  const coding = await seed.admin.get(`/surveys/${survey.id}/coding`);
  assert.equal(coding.tags.length, 1);
  assert.equal(coding.tags[0].quote, 'Intinya kerja sama');
});
