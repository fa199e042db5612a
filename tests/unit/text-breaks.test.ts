import { describe, expect, it } from 'vitest';
import { breakLongRuns, codePieces, idPieces, RUN_LIMIT } from '@/lib/text-breaks';

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

describe('idPieces: job ids wrap at their dots only', () => {
  it.each([
    ['scim.0a1b2c3d4e5f60718293a4b5c6d7e8f9', ['scim.', '0a1b2c3d4e5f60718293a4b5c6d7e8f9']],
    [
      'AD2AADProvisioning.0efcc5ced8064c958b16a4a486432729.44091537-c306-450c-9abb-0042eb3329ad',
      ['AD2AADProvisioning.', '0efcc5ced8064c958b16a4a486432729.', '44091537-c306-450c-9abb-0042eb3329ad'],
    ],
    ['contoso.onmicrosoft.com', ['contoso.', 'onmicrosoft.', 'com']],
    ['no-dots', ['no-dots']],
    ['trailing.', ['trailing.']],
    ['', ['']],
    ['a..b.', ['a.', '.', 'b.']],
  ])('%s', (id, pieces) => {
    expect(idPieces(id)).toEqual(pieces);
    expect(idPieces(id).join('')).toBe(id);
  });
});

describe('codePieces: error codes wrap between their words', () => {
  it.each([
    ['Authorization_RequestDenied', ['Authorization_', 'Request', 'Denied']],
    ['HybridIdentityServiceNoActiveAgents', ['Hybrid', 'Identity', 'Service', 'No', 'Active', 'Agents']],
    ['AD2AADProvisioning', ['AD2', 'AADProvisioning']],
    ['SystemForCrossDomainIdentityManagementCredentialValidationUnavailable', [
      'System', 'For', 'Cross', 'Domain', 'Identity', 'Management', 'Credential', 'Validation', 'Unavailable',
    ]],
    ['E_FAIL', ['E_', 'FAIL']],
    ['lower-case.code/x', ['lower-', 'case.', 'code/', 'x']],
    ['', ['']],
  ])('%s', (code, pieces) => {
    expect(codePieces(code)).toEqual(pieces);
    expect(codePieces(code).join('')).toBe(code);
  });
});
