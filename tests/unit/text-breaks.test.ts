import { describe, expect, it } from 'vitest';
import { breakLongRuns, idPieces, RUN_LIMIT } from '@/lib/text-breaks';

describe('breakLongRuns', () => {
  it.each([
    ['empty text', '', ['']],
    ['ordinary words', 'The token is bad. Get a new one.', ['The token is bad. Get a new one.']],
    ['a run of exactly the limit', 'a'.repeat(8), ['aaaaaaaa']],
    ['a run just over the limit', 'a'.repeat(9), ['aaaaaaaa', 'a']],
    ['runs counted from each space', `${'a'.repeat(6)} ${'b'.repeat(10)}`, ['aaaaaa bbbbbbbb', 'bb']],
    ['newlines and tabs end a run too', `${'a'.repeat(7)}\n${'b'.repeat(7)}\t${'c'.repeat(7)}`, [`${'a'.repeat(7)}\n${'b'.repeat(7)}\t${'c'.repeat(7)}`]],
  ])('%s', (_name, text, pieces) => {
    expect(breakLongRuns(text, 8)).toEqual(pieces);
  });

  it('joins back to the text, with every run of non-space at most the limit', () => {
    const text = `${'x'.repeat(1000)} <img src=x onerror=alert(1)> ${'y'.repeat(130)}`;
    const pieces = breakLongRuns(text);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) for (const run of piece.split(/\s/)) expect(run.length).toBeLessThanOrEqual(RUN_LIMIT);
  });

  it('never splits a surrogate pair (emoji, astral characters)', () => {
    const text = '😀'.repeat(100); // 200 UTF-16 units, no spaces
    const pieces = breakLongRuns(text, 7);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect((piece.charCodeAt(0) & 0xfc00) === 0xdc00).toBe(false); // no piece starts with a low half
      expect((piece.charCodeAt(piece.length - 1) & 0xfc00) === 0xd800).toBe(false); // none ends with a high half
    }
  });

  it('cuts 1 MB without a space into pieces of the limit', () => {
    const pieces = breakLongRuns('A'.repeat(1 << 20));
    expect(pieces).toHaveLength(Math.ceil((1 << 20) / RUN_LIMIT));
  });
});

describe('idPieces', () => {
  it.each([
    ['scim.5f4e.0a1b', ['scim.', '5f4e.', '0a1b']],
    ['contoso.onmicrosoft.com', ['contoso.', 'onmicrosoft.', 'com']],
    ['no-dots', ['no-dots']],
    ['trailing.', ['trailing.']],
    ['', ['']],
  ])('%s', (id, pieces) => {
    expect(idPieces(id)).toEqual(pieces);
    expect(idPieces(id).join('')).toBe(id);
  });
});
