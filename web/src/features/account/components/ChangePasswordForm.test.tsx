import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api-client';
import { jsonResponse, renderWithI18n, sentJson } from '../../../test/render';
import { ChangePasswordForm } from './ChangePasswordForm';

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>(async () => new Response(null, { status: 204 }));
  vi.stubGlobal('fetch', fetchMock);
  api.setCsrfToken('csrf-xyz');
});

async function fill(current: string, next: string, confirm = next) {
  const user = userEvent.setup();
  if (current) await user.type(screen.getByLabelText('Kata sandi saat ini'), current);
  if (next) await user.type(screen.getByLabelText('Kata sandi baru'), next);
  if (confirm) await user.type(screen.getByLabelText('Ulangi kata sandi baru'), confirm);
  await user.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));
}

describe('ChangePasswordForm', () => {
  it('refuses a new password under 12 characters without calling the server', async () => {
    renderWithI18n(<ChangePasswordForm username="siti" />);
    await fill('kata-sandi-lama', 'pendek');
    const field = screen.getByLabelText('Kata sandi baru');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Kata sandi baru minimal 12 karakter.'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('counts characters as the server does, so 12 emoji are long enough', async () => {
    renderWithI18n(<ChangePasswordForm username="siti" />);
    await fill('kata-sandi-lama', '🌾'.repeat(12));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('catches a mistyped repetition before sending', async () => {
    renderWithI18n(<ChangePasswordForm username="siti" />);
    await fill('kata-sandi-lama', 'kata sandi baru saya', 'kata sandi baru sayaa');
    expect(screen.getByText('Ulangan kata sandi baru tidak sama.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends PUT /me/password with the CSRF token and confirms success', async () => {
    renderWithI18n(<ChangePasswordForm username="siti" />);
    await fill('kata-sandi-lama', 'kata sandi baru saya');
    expect(await screen.findByRole('status')).toHaveTextContent('Kata sandi sudah diganti.');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/me/password');
    expect(init?.method).toBe('PUT');
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-xyz');
    expect(sentJson(init?.body)).toEqual({
      current_password: 'kata-sandi-lama',
      new_password: 'kata sandi baru saya',
    });
    expect(screen.getByLabelText('Kata sandi baru')).toHaveValue('');
  });

  it("shows the server's field error beside the current-password field", async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        {
          type: 'urn:gotong:problem:invalid-input',
          title: 'Invalid input',
          status: 400,
          detail: 'current password is wrong',
          errors: [{ field: 'current_password', code: 'invalid_value', message: 'current password is wrong' }],
        },
        400,
      ),
    );
    renderWithI18n(<ChangePasswordForm username="siti" />);
    await fill('salah-ketik', 'kata sandi baru saya');
    const field = await screen.findByLabelText('Kata sandi saat ini');
    await screen.findByText('Kata sandi saat ini salah.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Kata sandi saat ini salah.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a problem that names no field above the form', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse({ type: 'urn:gotong:problem:csrf-failed', title: 'CSRF', status: 403, detail: '', errors: [] }, 403),
    );
    renderWithI18n(<ChangePasswordForm username="siti" />);
    await fill('kata-sandi-lama', 'kata sandi baru saya');
    expect(await screen.findByRole('alert')).toHaveTextContent('Muat ulang halaman');
  });
});
