// CSV imports through the web app against the real server: the upload, the job's progress and
// counts, the rows it refused (on screen and as errors.csv), a trial run, and an upsert.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { apiLogin, importCsv } from './api.mjs';
import { DESKTOP, PHONE, eventually, logIn, withPage, useServerAndBrowser, clean } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** A CSV as Indonesian Excel saves it: UTF-8 with BOM, `;` between fields, CRLF after every line. */
const excelCsv = (lines) => Buffer.concat([BOM, Buffer.from(lines.map((line) => `${line}\r\n`).join(''), 'utf8')]);

/**
 * Uploads `buffer` as `name` from the import page and waits on the job page until the job has
 * finished. `checkOnly` ticks or clears "check only"; left out, the page's own default stands.
 */
async function upload(page, name, buffer, { mode, checkOnly }) {
  await page.goto(`${env.server.url}/imports`);
  await page.getByRole('heading', { level: 1, name: 'Impor data usaha' }).waitFor();
  await page.getByLabel('Berkas CSV').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByLabel(mode === 'insert' ? /^Tambah sebagai usaha baru/ : /^Tambah dan perbarui/).check();
  if (checkOnly !== undefined) await page.getByLabel(/^Periksa saja, jangan simpan/).setChecked(checkOnly);
  await page.getByRole('button', { name: 'Unggah dan impor' }).click();
  await page.waitForURL(/\/imports\/\d+$/);
  await page.getByRole('heading', { level: 1, name: `Impor ${name}` }).waitFor();
  const bar = page.getByRole('progressbar', { name: 'Kemajuan impor' });
  await eventually(async () => (await bar.getAttribute('aria-valuenow')) === '100', { message: 'the progress bar to reach 100%' });
  await page.getByTestId('job-status').filter({ hasText: 'Selesai' }).waitFor();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** The counts on the job page, as label → number shown. */
async function counts(page) {
  const items = page.getByTestId('job-counts').locator('.counts__item');
  const pairs = await items.evaluateAll((divs) =>
    divs.map((div) => [div.querySelector('dt').textContent.trim(), div.querySelector('dd').textContent.trim()]),
  );
  return Object.fromEntries(pairs);
}

const UPLOAD = excelCsv([
  'No;nama_pemilik;jenis_kelamin;nama_usaha;sektor;produk;kode_desa;tenaga_kerja;omzet;nib',
  '1;Sri Utami;P;Keripik Apel Sri;olahan pangan;"keripik apel; sari apel";35.79.02.2001;3;1.500.000;3579010000001',
  '2;Bambang Susilo;L;Kopi Lereng Arjuno;Minuman;kopi bubuk;35.79.03.2004;2;Rp 25.000.000;12345678901',
  '3;Ani Wijaya;P;Batik Ani;batik;batik tulis;35.79.99.9999;;;',
  '4;;L;Bengkel Tanpa Pemilik;jasa;servis motor;35.79.01.2006;;;',
  '5;Dewi Lestari;P;"Sambal ""Bu Dewi""";kuliner;sambal;35.79.01.2007;1;2.000.000,00;',
  '6;Hadi Prasetyo;L;Kerajinan Bambu Hadi;Kerajinan;anyaman;35.79.03.2003;;Rp 750.000;',
]);
const GOOD = ['Keripik Apel Sri', 'Sambal "Bu Dewi"', 'Kerajinan Bambu Hadi'];

test('a semicolon CSV with BOM and CRLF imports its good rows, lists each bad row by line and column, offers errors.csv, and the new enterprises show in the registry', { timeout: 40_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.getByRole('link', { name: 'Impor data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impor data usaha' }).waitFor();
    await page.getByText('Belum ada impor.').waitFor();

    const jobId = await upload(page, 'umkm-batu.csv', UPLOAD, { mode: 'insert', checkOnly: false });
    await page.getByText('Impor selesai.').waitFor();
    assert.equal(await page.getByText('Hanya diperiksa', { exact: true }).count(), 0);
    assert.deepEqual(await counts(page), { 'Baris dibaca': '6', Ditambahkan: '3', Diperbarui: '0', Gagal: '3' });
    assert.deepEqual((await page.getByTestId('job-warnings').locator('li').allTextContents()).map(clean), [
      'Kolom No tidak dikenal, jadi dilewati.',
    ]);

    // Each refused row: its line in the file (the header is line 1), the column, what it held, why,
    // in Indonesian words.
    const table = page.getByTestId('import-errors');
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
    );
    assert.deepEqual(rows, [
      ['3', 'nib', '12345678901', 'NIB harus tepat 13 angka'],
      ['4', 'kode_desa', '35.79.99.9999', 'tidak ada di daftar desa/kelurahan resmi'],
      ['5', 'nama_pemilik', '', 'wajib diisi'],
    ]);

    // The same list as a file to fix in Excel, in the same words: BOM, `;`, CRLF.
    const link = page.getByRole('link', { name: 'Unduh daftar kesalahan (CSV)' });
    assert.equal(await link.getAttribute('href'), `/api/v1/imports/${jobId}/errors.csv?lang=id`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await readFile(await download.path());
    assert.deepEqual([...file.subarray(0, 3)], [...BOM], 'errors.csv starts with a BOM');
    assert.equal(
      file.subarray(3).toString('utf8'),
      [
        'baris;kolom;nilai;pesan',
        '3;nib;12345678901;NIB harus tepat 13 angka',
        '4;kode_desa;35.79.99.9999;tidak ada di daftar desa/kelurahan resmi',
        '5;nama_pemilik;;wajib diisi',
        '',
      ].join('\r\n'),
    );
    // In English on request; the JSON keeps the codes and the English sentences.
    const admin = await apiLogin(env.server.url, ADMIN);
    const english = await admin.raw('GET', `/imports/${jobId}/errors.csv?lang=en`);
    assert.equal(english.status, 200);
    assert.equal(
      Buffer.from(await english.arrayBuffer()).subarray(3).toString('utf8'),
      [
        'row;field;value;message',
        '3;nib;12345678901;must be exactly 13 digits',
        '4;kode_desa;35.79.99.9999;is not a village in the official region list',
        '5;nama_pemilik;;is required',
        '',
      ].join('\r\n'),
    );
    const errors = await admin.get(`/imports/${jobId}/errors`);
    assert.deepEqual(
      errors.items.map((error) => [error.row, error.code, error.params, error.message]),
      [
        [3, 'bad_nib', {}, 'nib must be exactly 13 digits'],
        [4, 'unknown_village', {}, 'kode_desa is not a village in the official region list'],
        [5, 'required', {}, 'nama_pemilik is required'],
      ],
    );

    // The job is among the recent imports.
    await page.getByRole('link', { name: 'Kembali ke impor' }).click();
    const recent = page.getByTestId('recent-imports');
    await recent.waitFor();
    assert.match(clean(await recent.textContent()), /umkm-batu\.csv.*Selesai.*Baris dibaca: 6 · Gagal: 3/);

    // The good rows are in the registry, amounts read the Indonesian way, the quoted fields whole.
    await page.goto(`${env.server.url}/registry`);
    await eventually(async () => clean(await page.getByTestId('enterprise-total').textContent()) === '3 usaha ditemukan', {
      message: 'three enterprises in the registry',
    });
    const listed = await page
      .getByTestId('enterprise-table')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.innerText.trim())));
    const byName = Object.fromEntries(listed.map((cells) => [cells[0], cells.map(clean)]));
    assert.deepEqual(Object.keys(byName).sort(), [...GOOD].sort());
    assert.deepEqual(byName['Keripik Apel Sri'].slice(0, 6), ['Keripik Apel Sri', 'Sri Utami', 'Olahan pangan', 'Punten', 'Mikro', 'Rp 1.500.000']);
    assert.deepEqual(byName['Sambal "Bu Dewi"'].slice(0, 6), ['Sambal "Bu Dewi"', 'Dewi Lestari', 'Kuliner', 'Sidomulyo', 'Mikro', 'Rp 2.000.000']);
    assert.deepEqual(byName['Kerajinan Bambu Hadi'].slice(0, 6), ['Kerajinan Bambu Hadi', 'Hadi Prasetyo', 'Kerajinan', 'Junrejo', 'Mikro', 'Rp 750.000']);

    await page.getByRole('link', { name: 'Keripik Apel Sri' }).click();
    await page.getByRole('heading', { level: 1, name: 'Keripik Apel Sri' }).waitFor();
    const details = Object.fromEntries(
      await page.getByTestId('enterprise-details').locator('dt').evaluateAll((dts) =>
        dts.map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()]),
      ),
    );
    assert.equal(details.Produk, 'keripik apel; sari apel');
    assert.equal(details['NIB (Nomor Induk Berusaha)'], '3579010000001');
    assert.equal(details['Tenaga kerja (orang)'], '3');
    assert.equal(clean(details['Omzet per tahun']), 'Rp 1.500.000');
  });
});

test('"check only" reports what an import would add but saves nothing', { timeout: 30_000 }, async (t) => {
  const admin = await apiLogin(env.server.url, ADMIN);
  const before = (await admin.get('/enterprises?limit=1')).total;
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    const csv = excelCsv([
      'nama_pemilik;nama_usaha;sektor;kode_desa;omzet',
      'Yuni Kartika;Roti Yuni;olahan pangan;35.79.01.2005;Rp 40.000.000',
      'Eko Purnomo;Susu Segar Eko;minuman;35.79.02.2008;60.000.000',
    ]);
    await upload(page, 'uji-coba.csv', csv, { mode: 'upsert', checkOnly: true });
    await page.getByText('Pemeriksaan selesai. Tidak ada data yang disimpan; unggah berkasnya lagi tanpa centang “Periksa saja” untuk menyimpannya.').waitFor();
    assert.equal(await page.getByText('Hanya diperiksa', { exact: true }).count(), 1); // the badge
    assert.deepEqual(await counts(page), { 'Baris dibaca': '2', 'Akan ditambahkan': '2', 'Akan diperbarui': '0', Gagal: '0' });
    await page.getByText('Tidak ada baris yang gagal.').waitFor();

    await page.goto(`${env.server.url}/registry?q=yuni`);
    await page.getByText('Tidak ada usaha yang cocok dengan saringan ini.').waitFor();
    assert.equal(clean(await page.getByTestId('enterprise-total').textContent()), '0 usaha ditemukan');
  });
  assert.equal((await admin.get('/enterprises?limit=1')).total, before);
});

test('an upload with the form left as it is imports for real: the enterprises are saved', { timeout: 30_000 }, async (t) => {
  const admin = await apiLogin(env.server.url, ADMIN);
  const before = (await admin.get('/enterprises?limit=1')).total;
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.goto(`${env.server.url}/imports`);
    await page.getByRole('heading', { level: 1, name: 'Impor data usaha' }).waitFor();
    assert.equal(await page.getByLabel(/^Periksa saja, jangan simpan/).isChecked(), false, '"check only" starts unticked');
    const csv = excelCsv([
      'nama_pemilik;nama_usaha;sektor;kode_desa;omzet',
      'Wahyu Nugroho;Tempe Wahyu;olahan pangan;35.79.01.2005;Rp 30.000.000',
    ]);
    await upload(page, 'bawaan.csv', csv, { mode: 'insert' });
    await page.getByText('Impor selesai.').waitFor();
    assert.equal(await page.getByText('Hanya diperiksa', { exact: true }).count(), 0);
    assert.deepEqual(await counts(page), { 'Baris dibaca': '1', Ditambahkan: '1', Diperbarui: '0', Gagal: '0' });
  });
  assert.equal((await admin.get('/enterprises?limit=1')).total, before + 1, 'the enterprise was saved');
  assert.equal((await admin.get('/enterprises?q=wahyu')).items[0]?.name, 'Tempe Wahyu');
});

test('an upsert import updates the enterprise with the same NIB instead of adding one, and its history says the change came from a file', { timeout: 30_000 }, async (t) => {
  const admin = await apiLogin(env.server.url, ADMIN);
  const existing = await admin.post('/enterprises', {
    owner: { name: 'Rahmat Hidayat' },
    name: 'Tahu Rahmat',
    sector: 'food_processing',
    village_code: '35.79.03.2005',
    employees: 1,
    turnover: 10_000_000,
    nib: '3579030000777',
  });
  const before = (await admin.get('/enterprises?limit=1')).total;
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    const csv = excelCsv([
      'nama_pemilik;nama_usaha;sektor;kode_desa;tenaga_kerja;omzet;nib',
      'Rahmat Hidayat;Tahu Rahmat;olahan pangan;35.79.03.2005;4;Rp 90.000.000;3579030000777',
    ]);
    await upload(page, 'pembaruan.csv', csv, { mode: 'upsert', checkOnly: false });
    await page.getByText('Impor selesai.').waitFor();
    assert.deepEqual(await counts(page), { 'Baris dibaca': '1', Ditambahkan: '0', Diperbarui: '1', Gagal: '0' });

    await page.goto(`${env.server.url}/registry/${existing.id}`);
    await page.getByRole('heading', { level: 1, name: 'Tahu Rahmat' }).waitFor();
    assert.equal(clean(await page.getByTestId('turnover').textContent()), 'Rp 90.000.000');
    const entries = page.getByTestId('history').locator(':scope > li');
    await eventually(async () => (await entries.count()) === 2, { message: 'the creation and the import in the history' });
    const newest = entries.first();
    assert.match(clean(await newest.locator('.history__head').textContent()), /^Diperbarui dari berkas impor .* oleh e2e-admin$/);
    const changes = (await newest.locator('.history__changes > li').allTextContents()).map(clean);
    assert.ok(changes.includes('Omzet per tahun: Rp 10.000.000 → Rp 90.000.000'), JSON.stringify(changes));
    assert.ok(changes.includes('Tenaga kerja (orang): 1 → 4'), JSON.stringify(changes));
  });
  assert.equal((await admin.get('/enterprises?limit=1')).total, before, 'no enterprise was added');
  const saved = await admin.get(`/enterprises/${existing.id}`);
  assert.equal(saved.turnover, 90_000_000);
  assert.equal(saved.employees, 4);
});

test('on a 360 px phone in English, the refused rows read in English, fit the screen, and download in English', { timeout: 30_000 }, async (t) => {
  const admin = await apiLogin(env.server.url, ADMIN);
  const job = await importCsv(
    admin,
    excelCsv([
      'nama_pemilik;nama_usaha;sektor;kode_desa;tenaga_kerja',
      'Sri Rahayu;Keripik Tempe Sri;olahan pangan;35.79.02.2001;200000',
      'Budi Santoso;Warung Budi;kuliner;35.79;',
    ]),
    { fileName: 'ponsel.csv' },
  );
  assert.equal(job.rows_failed, 2);
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.evaluate(() => window.localStorage.setItem('gotong.language', 'en'));
    await page.goto(`${env.server.url}/imports/${job.id}`);
    const table = page.getByTestId('import-errors');
    await table.waitFor();
    const messages = await table.locator('tbody tr td:last-child').allTextContents();
    assert.deepEqual(messages.map(clean), ['must be a whole number from 0 to 100,000', 'must be a village code such as 35.79.01.2001']);
    const link = page.getByRole('link', { name: 'Download the list of errors (CSV)' });
    assert.equal(await link.getAttribute('href'), `/api/v1/imports/${job.id}/errors.csv?lang=en`);
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 360, `the job page is ${width}px wide`);
  });
});

test('on a 360 px phone the refused rows stack, so the problem of the first one is on screen without scrolling', { timeout: 30_000 }, async (t) => {
  const admin = await apiLogin(env.server.url, ADMIN);
  const job = await importCsv(
    admin,
    excelCsv([
      'nama_pemilik;nama_usaha;sektor;kode_desa;tenaga_kerja;nib',
      'Siti Rahmawati;Bordir Siti Rahmawati Sejahtera;kerajinan;35.79.02.2001;3;12345678901',
      'Joko Widodo;Mebel Jati Joko;kerajinan;35.79.99.9999;2;',
    ]),
    { fileName: 'sempit.csv' },
  );
  assert.equal(job.rows_failed, 2);
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.goto(`${env.server.url}/imports/${job.id}`);
    const table = page.getByTestId('import-errors');
    await table.waitFor();
    const problem = table.locator('tbody tr').first().locator('td').last();
    assert.equal(clean(await problem.textContent()), 'NIB harus tepat 13 angka');
    const box = await problem.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `the problem cell spans ${box.x}–${box.x + box.width}px`);
    // Each cell says which column it is, since the headings are not shown on a phone.
    const labels = await table
      .locator('tbody tr')
      .first()
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content));
    assert.deepEqual(labels, ['"Baris"', '"Kolom"', '"Isi"', '"Masalah"']);
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 360, `the job page is ${width}px wide`);
  });
});
