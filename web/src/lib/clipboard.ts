// Copying a text the user must carry elsewhere (a temporary password, an access token).

/**
 * Copies `text` to the clipboard: with the Clipboard API where the page may use it (https,
 * localhost), else by selecting it in `box` and the browser's copy command (a gotong server reached
 * over plain http on an office network has no Clipboard API). True when it worked; when it did
 * not, the text stays selected in `box` for the user to copy herself.
 */
export async function copyText(text: string, box?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused (no permission, not focused): try the old way below
  }
  if (!box) return false;
  box.focus();
  box.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  }
}
