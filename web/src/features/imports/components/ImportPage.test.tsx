import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse } from '../../../test/render';
import { MAX_UPLOAD_BYTES, type ImportJob } from '../types';
import { ImportJobPage } from './ImportJobPage';
import { ImportPage } from './ImportPage';

function job(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 4,
    kind: 'enterprises',
    mode: 'insert',
    dry_run: false,
    status: 'queued',
    file_name: 'umkm-batu.csv',
    bytes_total: 1_200_000,
    bytes_read: 0,
    rows_read: 0,
    rows_inserted: 0,
    rows_updated: 0,
    rows_failed: 0,
    errors_stored: 0,
    message: null,
    message_code: null,
    message_params: {},
    warnings: [],
    warning_details: [],
    created_by: 'dinas1',
    created_at: '2026-11-23T08:00:00Z',
    started_at: null,
    finished_at: null,
    ...overrides,
  };
}

const ERRORS = [
  { row: 7, field: 'nib', value: '12345', message: 'nib must be exactly 13 digits', code: 'bad_nib', params: {} },
  {
    row: 12,
    field: 'kode_desa',
    value: '35.79.99.9999',
    message: 'kode_desa is not a village in the official region list',
    code: 'unknown_village',
    params: {},
  },
  {
    row: 13,
    field: 'tenaga_kerja',
    value: '200000',
    message: 'tenaga_kerja must be a whole number from 0 to 100000',
    code: 'out_of_range',
    params: { min: '0', max: '100000' },
  },
  // stored before errors had codes
  { row: 14, field: 'omzet', value: 'x', message: 'omzet is odd', code: '', params: {} },
];

let fetchMock: ReturnType<typeof routeFetch>;
let polls: ImportJob[];

beforeEach(() => {
  api.setCsrfToken('csrf-4');
  polls = [
    job({ status: 'running', bytes_read: 600_000, rows_read: 5000, rows_inserted: 4900, rows_failed: 2, errors_stored: 2 }),
    job({
      status: 'succeeded',
      bytes_read: 1_200_000,
      rows_read: 10_000,
      rows_inserted: 9800,
      rows_updated: 150,
      rows_failed: 50,
      errors_stored: 50,
      warnings: ["column 'No' is not known and was skipped", 'an old warning without a code'],
      warning_details: [{ code: 'unknown_column', params: { column: 'No' } }, { code: null, params: {} }],
      finished_at: '2026-11-23T08:01:00Z',
    }),
  ];
  fetchMock = routeFetch({
    'POST /api/v1/imports': () => jsonResponse(job(), 202, { Location: '/api/v1/imports/4' }),
    'GET /api/v1/imports': () => page([job({ status: 'succeeded', rows_read: 10_000, rows_failed: 50 })], 1, 10),
    'GET /api/v1/imports/4': () => jsonResponse(polls.length > 1 ? polls.shift()! : polls[0]!),
    'GET /api/v1/imports/4/errors': (url) =>
      page(ERRORS, 50, Number(url.searchParams.get('limit')), Number(url.searchParams.get('offset'))),
  });
});

function renderImports(at = '/imports') {
  return renderAt(<ImportPage />, {
    path: '/imports',
    at,
    others: { '/imports/:id': <ImportJobPage pollMs={5} /> },
  });
}

describe('ImportPage', () => {
  it('uploads the CSV as the raw body with mode, a real import by default, and file name, then follows the job', async () => {
    const user = userEvent.setup();
    renderImports();
    const file = new File(['nama_pemilik;nama_usaha;sektor;kode_desa\r\n'], 'umkm-batu.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Berkas CSV'), file);
    await user.click(screen.getByLabelText(/Tambah sebagai usaha baru/));
    expect(screen.getByLabelText(/Periksa saja, jangan simpan/)).not.toBeChecked(); // a real import unless ticked
    await user.click(screen.getByRole('button', { name: 'Unggah dan impor' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/imports/4'));
    const [call] = callsTo(fetchMock, 'POST /api/v1/imports');
    expect(Object.fromEntries(call!.url.searchParams)).toEqual({ kind: 'enterprises', mode: 'insert', dry_run: 'false' });
    expect(call!.init?.body).toBe(file);
    expect(call!.init?.headers).toMatchObject({
      'Content-Type': 'text/csv',
      'X-File-Name': 'umkm-batu.csv',
      'X-CSRF-Token': 'csrf-4',
    });

    // polled every few milliseconds here (every second in the app) until it has finished
    expect(await screen.findByText('Impor selesai.')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Kemajuan impor' })).toHaveAttribute('aria-valuenow', '100');
    expect(callsTo(fetchMock, 'GET /api/v1/imports/4').length).toBeGreaterThanOrEqual(2);
  });

  it('only checks the file, saving nothing, when "check only" is ticked', async () => {
    const user = userEvent.setup();
    renderImports();
    await user.upload(screen.getByLabelText('Berkas CSV'), new File(['a;b\r\n'], 'cek.csv', { type: 'text/csv' }));
    await user.click(screen.getByLabelText(/Periksa saja, jangan simpan/));
    await user.click(screen.getByRole('button', { name: 'Unggah dan impor' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/v1/imports')).toHaveLength(1));
    const [call] = callsTo(fetchMock, 'POST /api/v1/imports');
    expect(call!.url.searchParams.get('dry_run')).toBe('true');
  });

  it('asks for a file before uploading, and refuses one over 512 MB', async () => {
    const user = userEvent.setup();
    renderImports();
    await user.click(screen.getByRole('button', { name: 'Unggah dan impor' }));
    expect(screen.getByText('Pilih berkas CSV.')).toBeInTheDocument();
    const huge = new File(['x'], 'besar.csv', { type: 'text/csv' });
    Object.defineProperty(huge, 'size', { value: MAX_UPLOAD_BYTES + 1 });
    await user.upload(screen.getByLabelText('Berkas CSV'), huge);
    await user.click(screen.getByRole('button', { name: 'Unggah dan impor' }));
    expect(screen.getByText('Berkas lebih dari 512 MB. Bagi menjadi beberapa berkas.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/imports')).toHaveLength(0);
  });

  it('explains a refused upload in words', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/imports': () => page([]),
      'POST /api/v1/imports': () => problem('payload-too-large', 413),
    });
    renderImports();
    await user.upload(screen.getByLabelText('Berkas CSV'), new File(['a;b\r\n'], 'a.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Unggah dan impor' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Data yang dikirim terlalu besar.');
    expect(await screen.findByText('Belum ada impor.')).toBeInTheDocument();
  });

  it('lists recent import jobs with a link to each', async () => {
    renderImports();
    const list = await screen.findByTestId('recent-imports');
    expect(list).toHaveTextContent('umkm-batu.csv');
    expect(list).toHaveTextContent('Selesai');
    expect(list).toHaveTextContent('Baris dibaca: 10.000 · Gagal: 50');
    expect(within(list).getByRole('link', { name: 'Lihat hasil impor umkm-batu.csv' })).toHaveAttribute('href', '/imports/4');
  });
});

describe('ImportJobPage', () => {
  function renderJob() {
    return renderAt(<ImportJobPage pollMs={5} />, { path: '/imports/:id', at: '/imports/4' });
  }

  it('shows progress while running, then the counts, warnings and the failed rows', async () => {
    polls = [
      job({ status: 'running', bytes_read: 600_000, rows_read: 5000, rows_inserted: 4900, rows_failed: 2, errors_stored: 2 }),
      ...polls,
    ];
    renderJob();
    const bar = await screen.findByRole('progressbar', { name: 'Kemajuan impor' });
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    expect(screen.getByText('50% (585,9 KB dari 1,1 MB)')).toBeInTheDocument();

    expect(await screen.findByText('Impor selesai.')).toBeInTheDocument();
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    const counts = screen.getByTestId('job-counts');
    expect(counts).toHaveTextContent('Baris dibaca10.000');
    expect(counts).toHaveTextContent('Ditambahkan9.800');
    expect(counts).toHaveTextContent('Diperbarui150');
    expect(counts).toHaveTextContent('Gagal50');
    // Warnings in Indonesian from their codes; one without a code as the server wrote it.
    const warnings = within(screen.getByTestId('job-warnings')).getAllByRole('listitem');
    expect(warnings.map((item) => item.textContent)).toEqual([
      'Kolom No tidak dikenal, jadi dilewati.',
      'an old warning without a code',
    ]);

    // Each problem in Indonesian words from its code; an error without a code shows the server's message.
    const table = await screen.findByTestId('import-errors');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['7', 'nib', '12345', 'NIB harus tepat 13 angka'],
      ['12', 'kode_desa', '35.79.99.9999', 'tidak ada di daftar desa/kelurahan resmi'],
      ['13', 'tenaga_kerja', '200000', 'harus angka bulat dari 0 sampai 100.000'],
      ['14', 'omzet', 'x', 'omzet is odd'],
    ]);
    // On a phone the rows stack, each cell named by its column, so the problem is never off-screen.
    expect(table).toHaveClass('data-table--stack');
    expect([...rows[0]!.querySelectorAll('td')].map((td) => td.dataset.label)).toEqual(['Baris', 'Kolom', 'Isi', 'Masalah']);
    expect(screen.getByTestId('errors-csv')).toHaveAttribute('href', '/api/v1/imports/4/errors.csv?lang=id');
    expect(screen.queryByRole('navigation', { name: 'Halaman daftar' })).not.toBeInTheDocument(); // one page only
  });

  it('words the failed rows and their download in English when the reader chose English', async () => {
    renderAt(<ImportJobPage pollMs={5} />, { path: '/imports/:id', at: '/imports/4', language: 'en' });
    const table = await screen.findByTestId('import-errors');
    expect(within(table).getByRole('row', { name: /tenaga_kerja/ })).toHaveTextContent(
      '13tenaga_kerja200000must be a whole number from 0 to 100,000',
    );
    expect(within(table).getByRole('row', { name: /kode_desa/ })).toHaveTextContent('is not a village in the official region list');
    expect(screen.getByTestId('errors-csv')).toHaveAttribute('href', '/api/v1/imports/4/errors.csv?lang=en');
  });

  it('stops polling once the job has finished', async () => {
    renderJob();
    await screen.findByText('Impor selesai.');
    const count = callsTo(fetchMock, 'GET /api/v1/imports/4').length;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(callsTo(fetchMock, 'GET /api/v1/imports/4')).toHaveLength(count);
  });

  it('pages through the failed rows', async () => {
    const user = userEvent.setup();
    polls = [job({ status: 'succeeded', rows_failed: 120, errors_stored: 120 })];
    routeFetch({
      'GET /api/v1/imports/4': () => jsonResponse(polls[0]!),
      'GET /api/v1/imports/4/errors': (url) => page(ERRORS, 120, 50, Number(url.searchParams.get('offset'))),
    });
    renderJob();
    await screen.findByTestId('import-errors');
    await user.click(screen.getByRole('button', { name: 'Berikutnya' }));
    expect(await screen.findByText('51–100 dari 120')).toBeInTheDocument();
  });

  it('shows why a job failed in Indonesian, and says when the file was only checked', async () => {
    polls = [
      job({
        status: 'failed',
        message: 'the file has no column name (or nama_usaha)',
        message_code: 'missing_columns',
        message_params: { columns: 'nama_usaha (name)' },
        bytes_read: 100,
        dry_run: true,
      }),
    ];
    renderJob();
    expect(await screen.findByTestId('job-failed')).toHaveTextContent(
      'Impor gagal. Alasannya: Berkas tidak punya kolom yang wajib: nama_usaha (name).',
    );
    expect(screen.getByText('Hanya diperiksa')).toBeInTheDocument();
    expect(screen.getByText('Akan ditambahkan')).toBeInTheDocument();
    expect(screen.getByText('Tidak ada baris yang gagal.')).toBeInTheDocument();
  });

  it('shows a failure nobody foresaw by the server\'s own words', async () => {
    polls = [job({ status: 'failed', message: 'save import job: disk full', bytes_read: 100 })];
    renderJob();
    expect(await screen.findByTestId('job-failed')).toHaveTextContent('Impor gagal. Alasannya: save import job: disk full');
  });

  it('says so when the job does not exist, and stops asking', async () => {
    routeFetch({ 'GET /api/v1/imports/4': () => problem('not-found', 404) });
    renderJob();
    expect(await screen.findByRole('alert')).toHaveTextContent('Data yang dicari tidak ditemukan.');
  });
});
