/**
 * Untrusted text can hold one enormous "word" (a base64 blob or a token in a SCIM server's error).
 * Chromium lays such a run out in time that grows with the square of its length in a proportional
 * font: 20,000 characters took 2.5 s and 200,000 took half a minute, with the portal frozen.
 * Cutting runs into pieces with a <wbr> between them keeps layout linear (200,000 characters in
 * about 160 ms); the text itself is unchanged, so selecting and copying it gives the original.
 */

/** Longest run of non-space characters left without a break opportunity. */
export const RUN_LIMIT = 64;

/** The text in pieces, each ending where a <wbr> may go; joined, they are the text again. */
export function breakLongRuns(text: string, runLimit = RUN_LIMIT): string[] {
  const pieces: string[] = [];
  let start = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d) {
      run = 0;
      continue;
    }
    run++;
    // Never between the halves of a surrogate pair: that would draw two broken characters.
    const lowSurrogateNext = i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (run >= runLimit && !lowSurrogateNext) {
      pieces.push(text.slice(start, i + 1));
      start = i + 1;
      run = 0;
    }
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return pieces;
}

/**
 * An id in pieces that each end after a dot (`scim.0a1b….9c8d…` → `scim.`, `0a1b….`, `9c8d…`), so a
 * narrow box breaks a job id or a domain between its parts before it breaks inside one.
 */
export function idPieces(id: string): string[] {
  const pieces = id.split(/(?<=\.)(?=.)/);
  return pieces.length > 0 ? pieces : [id];
}
