import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './clipboard';

function box(value: string): HTMLInputElement {
  const input = document.createElement('input');
  input.value = value;
  document.body.append(input);
  return input;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('copyText', () => {
  it('copies with the Clipboard API when the page has it', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await expect(copyText('kT7-pW2q-9xRm')).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('kT7-pW2q-9xRm');
    vi.unstubAllGlobals();
  });

  it('falls back to selecting the box and the copy command when the Clipboard API refuses', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) } });
    const execCommand = vi.fn(() => true);
    document.execCommand = execCommand;
    const input = box('gtk_secret');
    await expect(copyText('gtk_secret', input)).resolves.toBe(true);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'gtk_secret'.length]);
    vi.unstubAllGlobals();
  });

  it('says it failed, leaving the text selected, when neither way works', async () => {
    vi.stubGlobal('navigator', {});
    document.execCommand = vi.fn(() => false);
    const input = box('gtk_secret');
    await expect(copyText('gtk_secret', input)).resolves.toBe(false);
    expect(input.selectionEnd).toBe('gtk_secret'.length);
    vi.unstubAllGlobals();
  });

  it('says it failed when there is no Clipboard API and no box to copy from', async () => {
    vi.stubGlobal('navigator', {});
    await expect(copyText('x')).resolves.toBe(false);
    vi.unstubAllGlobals();
  });
});
