import { PORTAL_HOSTS } from '@/lib/clouds';
import { OVERLAY_GLOBAL, OVERLAY_MODULE, type OverlayController } from '@/lib/overlay-contract';
import { parsePortalUrl, queryOfPage, type PortalPage } from '@/lib/portal-url';
import { createLensClient } from '@/lib/client';
import { watchLocation } from '@/lib/location-watch';
import { domReady } from '@/lib/page-ready';
import { onMessage } from '@/lib/protocol';
import { backgroundUrlOf, isBackgroundSender } from '@/lib/sender';

/** The UI module, imported once, into this isolated world. */
async function loadOverlay(): Promise<OverlayController> {
  await import(/* @vite-ignore */ browser.runtime.getURL(OVERLAY_MODULE));
  return (globalThis as unknown as Record<string, OverlayController>)[OVERLAY_GLOBAL]!;
}

export default defineContentScript({
  matches: PORTAL_HOSTS.map((host) => `https://${host}/*`),
  // As early as possible: the lookup and the UI module load while the portal's page is still parsing.
  runAt: 'document_start',
  async main() {
    let page: PortalPage | null = parsePortalUrl(location.href);
    let overlay: Promise<OverlayController> | undefined;
    let updating: Promise<void> = Promise.resolve();
    const client = createLensClient();

    // The popup asks which app this tab shows; only the extension itself can message a content script.
    onMessage('getPortalPage', () => page);

    // The keyboard shortcut, relayed by the background alone (the popup and pages may not move focus).
    const backgroundUrl = backgroundUrlOf(browser.runtime.getManifest(), (path) => browser.runtime.getURL(path as '/'));
    onMessage('focusOverlay', async ({ sender }) => {
      if (!isBackgroundSender(sender, browser.runtime.id, backgroundUrl)) throw new Error('Refused: unexpected sender');
      await updating;
      return page?.isProvisioning && overlay ? (await overlay).focus() : false;
    });

    async function update(): Promise<void> {
      if (!page?.isProvisioning) {
        if (overlay) void client.leftProvisioning();
        return void (await overlay)?.hide();
      }
      // Ask for the job while the UI loads; the overlay takes this answer rather than asking again.
      const shown = page;
      const query = queryOfPage(shown);
      const pending = query ? client.lookupJobs(query) : undefined;
      const [ui] = await Promise.all([(overlay ??= loadOverlay()), domReady()]);
      if (page === shown) ui.show(shown, pending);
      else if (!page?.isProvisioning) ui.hide();
    }

    const stop = watchLocation((href) => {
      // After an update or removal of the extension this copy is orphaned: step aside for the new one.
      if (!browser.runtime?.id) {
        stop();
        page = null;
      } else {
        page = parsePortalUrl(href);
      }
      updating = update();
    });
    updating = update();
    await updating;
  },
});
