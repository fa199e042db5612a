// Chrome/Edge only: MSAL's home, since it cannot run in the service worker. Answers the worker alone.
import { createMsalSession } from '@/lib/auth/msal-session';
import { onMessage } from '@/lib/protocol';
import { isWorkerSender, type SenderLike } from '@/lib/sender';

const msal = createMsalSession();
const fromWorker = (sender: SenderLike) => isWorkerSender(sender, browser.runtime.id, browser.runtime.getURL('/background.js'));
const refuse = () => Promise.reject(new Error('Refused: unexpected sender'));

onMessage('msal.beginSignIn', ({ data, sender }) => (fromWorker(sender) ? msal.beginSignIn(data.config, data.request) : refuse()));
onMessage('msal.completeSignIn', ({ data, sender }) => (fromWorker(sender) ? msal.completeSignIn(data.config, data.responseUrl) : refuse()));
onMessage('msal.cancelSignIn', async ({ data, sender }) => (fromWorker(sender) ? (await msal.cancelSignIn(data.config), true as const) : refuse()));
onMessage('msal.acquireToken', ({ data, sender }) => (fromWorker(sender) ? msal.acquireToken(data.config, data.scopes, data.forceRefresh) : refuse()));
onMessage('msal.getAccount', async ({ data, sender }) => (fromWorker(sender) ? { account: await msal.getAccount(data.config) } : refuse()));
onMessage('msal.signOut', async ({ data, sender }) => (fromWorker(sender) ? (await msal.signOut(data.config), true as const) : refuse()));
