/**
 * The worker's handle on MSAL in the offscreen document (Chrome/Edge). The document is created on
 * first need, one at a time; its first message may race its listener, so that one is retried.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../protocol';
import type { MsalHost } from './types';

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | undefined;

async function hasDocument(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] as never });
  return contexts.length > 0;
}

function ensureDocument(): Promise<void> {
  creating ??= (async () => {
    if (await hasDocument()) return;
    await browser.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['LOCAL_STORAGE'],
      justification: 'MSAL needs a window and sessionStorage to sign the admin in and keep tokens in memory.',
    });
  })().finally(() => {
    creating = undefined;
  });
  return creating;
}

/** Sends to the offscreen document, retrying while it is still loading ("Receiving end does not exist"). */
async function call<T>(send: () => Promise<T>): Promise<T> {
  await ensureDocument();
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await send();
      if (answer !== undefined) return answer;
    } catch (error) {
      if (attempt >= 20 || !/Receiving end does not exist|No response/i.test(String(error))) throw error;
    }
    if (attempt >= 20) throw new Error('The sign-in host did not answer');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function createOffscreenHost(): MsalHost {
  return {
    beginSignIn: (config, request) => call(() => sendMessage('msal.beginSignIn', { config, request })),
    completeSignIn: (config, responseUrl) => call(() => sendMessage('msal.completeSignIn', { config, responseUrl })),
    cancelSignIn: (config) => call(() => sendMessage('msal.cancelSignIn', { config })).then(() => undefined),
    acquireToken: (config, scopes, forceRefresh) =>
      call(() => sendMessage('msal.acquireToken', { config, scopes, forceRefresh })),
    getAccount: async (config) => (await call(() => sendMessage('msal.getAccount', { config }))).account,
    signOut: (config) => call(() => sendMessage('msal.signOut', { config })).then(() => undefined),
  };
}
