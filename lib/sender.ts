/**
 * Who may talk to the background: this extension's own pages, and its content script in the top
 * frame of a portal page. Everything else (other extensions, web pages, stray frames) is refused.
 */
import { PORTAL_HOSTS } from './clouds';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
  frameId?: number;
}

export function isTrustedSender(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId || typeof sender.url !== 'string') return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  // Extension pages may live in a tab too (popup.html opened as a page), so go by origin first.
  if (`${url.protocol}//${url.host}` === extensionOrigin.replace(/\/$/, '')) return true;
  return sender.tab !== undefined && sender.frameId === 0 && url.protocol === 'https:' && url.port === '' && PORTAL_HOSTS.includes(url.hostname);
}

/** The offscreen document listens to the service worker only: same extension, no tab, the worker's script URL. */
export function isWorkerSender(sender: SenderLike, extensionId: string, workerUrl: string): boolean {
  return sender.id === extensionId && sender.tab === undefined && sender.url === workerUrl;
}

/** The manifest's `background` key, as much of it as tells where the background runs. */
export interface BackgroundManifest {
  background?: { service_worker?: string; page?: string; scripts?: string[] };
}

/**
 * The URL the background's messages carry as sender: the service worker's script (Chrome/Edge), or
 * the background page (Firefox; a page of scripts only is one the browser generates).
 */
export function backgroundUrlOf(manifest: BackgroundManifest, getURL: (path: string) => string): string | undefined {
  const background = manifest.background;
  if (background?.service_worker) return getURL(`/${background.service_worker.replace(/^\//, '')}`);
  if (background?.page) return getURL(`/${background.page.replace(/^\//, '')}`);
  if (background?.scripts?.length) return getURL('/_generated_background_page.html');
  return undefined;
}

/** Messages to a content script that only the background may send (the keyboard shortcut): not a page, not another extension. */
export function isBackgroundSender(sender: SenderLike, extensionId: string, backgroundUrl: string | undefined): boolean {
  return backgroundUrl !== undefined && isWorkerSender(sender, extensionId, backgroundUrl);
}
