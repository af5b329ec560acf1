// The passage of an open answer a facilitator tags (seed 000 coded its interviews in NVivo): the
// text she selected in the answer, as the server will find it there, and the answer cut into
// pieces so that the passages already tagged show marked.

/**
 * The quote a selection gives: the selected text without the spaces around it, when the answer
 * holds it as written (the server refuses a passage that is not in the answer); null for no
 * selection or one that reaches outside the answer.
 */
export function quoteIn(answer: string, selected: string | null | undefined): string | null {
  const quote = (selected ?? '').trim();
  if (quote === '' || !answer.includes(quote)) return null;
  return quote;
}

/** The code to file a new label under: "Tidak pelit ilmu" → "tidak_pelit_ilmu" (lower case, digits, _; from a letter; ≤ 40). */
export function codeFromLabel(label: string): string {
  const code = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return code;
}

/** Whether `code` is one the server takes: lower-case letters, digits and "_", from a letter, at most 40. */
export function isCode(code: string): boolean {
  return /^[a-z][a-z0-9_]{0,39}$/.test(code);
}

/** A piece of an answer: plain, or inside one or more tagged passages (their tags' ids). */
export interface Piece {
  text: string;
  tags: number[];
}

/**
 * The answer cut where tagged passages start and end (each tag marks the first place its quote
 * appears), so that each piece knows which tags cover it.
 */
export function markPassages(answer: string, tags: readonly { id: number; quote: string }[]): Piece[] {
  const spans = tags
    .map((tag) => ({ id: tag.id, start: tag.quote === '' ? -1 : answer.indexOf(tag.quote), length: tag.quote.length }))
    .filter((span) => span.start >= 0)
    .map((span) => ({ id: span.id, start: span.start, end: span.start + span.length }));
  const cuts = [...new Set([0, answer.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    if (end <= start) continue;
    const covering = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    const last = pieces[pieces.length - 1];
    if (last && sameTags(last.tags, covering)) last.text += answer.slice(start, end);
    else pieces.push({ text: answer.slice(start, end), tags: covering });
  }
  return pieces;
}

function sameTags(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
