import { describe, expect, it } from 'vitest';
import { sanitizeQuery } from '@/lib/background-handlers';
import { backgroundUrlOf, isBackgroundSender, isTrustedSender, isWorkerSender } from '@/lib/sender';

const ID = 'mofanfafdanblddiihokhplkbibmpdnm';
const ORIGIN = `chrome-extension://${ID}`;
const tab = { id: 1 };

describe('who may message the background', () => {
  it.each([
    ['the popup', { id: ID, url: `${ORIGIN}/popup.html` }, true],
    ['the popup opened as a tab', { id: ID, url: `${ORIGIN}/popup.html`, tab, frameId: 0 }, true],
    ['the content script on the Azure portal', { id: ID, url: 'https://portal.azure.com/#view/x', tab, frameId: 0 }, true],
    ['the content script on the China Entra admin center', { id: ID, url: 'https://entra.microsoftonline.cn/', tab, frameId: 0 }, true],
    ['a portal iframe', { id: ID, url: 'https://portal.azure.com/', tab, frameId: 3 }, false],
    ['a blade host frame', { id: ID, url: 'https://x.reactblade.portal.azure.net/', tab, frameId: 0 }, false],
    ['another extension', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/p.html' }, false],
    ['a lookalike host', { id: ID, url: 'https://portal.azure.com.evil.example/', tab, frameId: 0 }, false],
    ['plain http', { id: ID, url: 'http://portal.azure.com/', tab, frameId: 0 }, false],
    ['an odd port', { id: ID, url: 'https://portal.azure.com:8443/', tab, frameId: 0 }, false],
    ['no url', { id: ID }, false],
  ])('%s → %s', (_, sender, expected) => {
    expect(isTrustedSender(sender, ID, `${ORIGIN}/`)).toBe(expected);
  });

  it('lets only the worker reach the offscreen document', () => {
    const worker = `${ORIGIN}/background.js`;
    expect(isWorkerSender({ id: ID, url: worker }, ID, worker)).toBe(true);
    expect(isWorkerSender({ id: ID, url: `${ORIGIN}/popup.html` }, ID, worker)).toBe(false);
    expect(isWorkerSender({ id: ID, url: worker, tab }, ID, worker)).toBe(false);
  });
});

describe('who may ask a content script to take the focus (the keyboard shortcut)', () => {
  const getURL = (path: string) => `${ORIGIN}${path}`;
  it('finds the background in the manifest: worker, page, or the page Firefox generates for scripts', () => {
    expect(backgroundUrlOf({ background: { service_worker: 'background.js' } }, getURL)).toBe(`${ORIGIN}/background.js`);
    expect(backgroundUrlOf({ background: { page: 'background.html' } }, getURL)).toBe(`${ORIGIN}/background.html`);
    expect(backgroundUrlOf({ background: { scripts: ['background.js'] } }, getURL)).toBe(`${ORIGIN}/_generated_background_page.html`);
    expect(backgroundUrlOf({}, getURL)).toBeUndefined();
  });

  it.each([
    ['the background', { id: ID, url: `${ORIGIN}/background.js` }, true],
    ['the popup', { id: ID, url: `${ORIGIN}/popup.html` }, false],
    ['the popup opened as a tab', { id: ID, url: `${ORIGIN}/popup.html`, tab, frameId: 0 }, false],
    ['the offscreen document', { id: ID, url: `${ORIGIN}/offscreen.html` }, false],
    ['another extension\'s worker', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/background.js' }, false],
    ['a content script', { id: ID, url: 'https://portal.azure.com/', tab, frameId: 0 }, false],
  ])('%s → %s', (_, sender, expected) => {
    expect(isBackgroundSender(sender, ID, `${ORIGIN}/background.js`)).toBe(expected);
  });

  it('refuses everyone when the background is unknown', () => {
    expect(isBackgroundSender({ id: ID, url: `${ORIGIN}/background.js` }, ID, undefined)).toBe(false);
  });
});

describe('lookup requests are rebuilt from known fields', () => {
  it.each([
    [null, undefined],
    ['x', undefined],
    [{ cloud: 'mars', servicePrincipalId: 'a' }, undefined],
    [{ cloud: 'global', servicePrincipalId: ' abc ', extra: 'dropped', fresh: 'yes' }, { cloud: 'global', servicePrincipalId: 'abc', fresh: false }],
    [{ cloud: 'global', jobId: 'x'.repeat(301) }, { cloud: 'global', fresh: false }],
    [{ cloud: 'usgov', appId: 42, fresh: true }, { cloud: 'usgov', fresh: true }],
  ])('%o → %o', (input, expected) => {
    expect(sanitizeQuery(input)).toEqual(expected);
  });
});
