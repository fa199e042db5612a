import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain-node script without types
import { withoutSpinner } from '../tools/build.mjs';

describe('build output in a log', () => {
  it("drops WXT's spinner frames and cursor escapes, keeps every real line", () => {
    const raw =
      '\x1b[?25l\r⠋ Preparing...\x1b[K\r⠋ [1/4] background\x1b[K\r⠙ [1/4] background\x1b[K\r\x1b[K\x1b[?25h\r\x1b[K\x1b[?25h✔ Built extension in 1.078 s\n' +
      '  ├─ .output/chrome-mv3/manifest.json  1.74 kB\n';
    expect(withoutSpinner(raw)).toBe('✔ Built extension in 1.078 s\n  ├─ .output/chrome-mv3/manifest.json  1.74 kB\n');
  });

  it('leaves ordinary output alone, Windows line ends included', () => {
    expect(withoutSpinner('WARN  The following entrypoints have been skipped:\r\n- offscreen\n')).toBe(
      'WARN  The following entrypoints have been skipped:\r\n- offscreen\n',
    );
  });
});
