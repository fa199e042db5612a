import { render } from 'preact';
import { OverlayApp } from '@/components/OverlayApp';
import { LENS_CSS } from '@/components/styles';
import { PORTAL_HOSTS } from '@/lib/clouds';
import { createLensClient } from '@/lib/client';
import { parsePortalUrl, type PortalPage } from '@/lib/portal-url';
import { onMessage } from '@/lib/protocol';
import { overlayItem } from '@/lib/settings';

export default defineContentScript({
  matches: PORTAL_HOSTS.map((host) => `https://${host}/*`),
  runAt: 'document_end',
  async main(ctx) {
    const client = createLensClient();
    const copy = (text: string) => navigator.clipboard.writeText(text);
    let page: PortalPage | null = parsePortalUrl(location.href);
    let ui: ReturnType<typeof createOverlayUi> | undefined;
    // Created once, on the first provisioning page; navigation away only unmounts it.
    const createOverlayUi = () =>
      createShadowRootUi(ctx, {
        name: 'provisioning-lens',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: LENS_CSS,
        isolateEvents: true,
        onMount: (container) => container,
        onRemove: (container) => container && render(null, container),
      });

    // Popup asks which app this tab shows; only the extension itself can send to a content script.
    onMessage('getPortalPage', ({ sender }) => (sender.id === browser.runtime.id ? page : null));

    async function draw(): Promise<void> {
      if (!page?.isProvisioning) return void (await ui)?.remove();
      const shownPage = page;
      ui ??= createOverlayUi();
      const [overlay, placement] = await Promise.all([ui, overlayItem.getValue()]);
      if (page !== shownPage) return; // navigated again meanwhile: that draw wins
      if (!overlay.mounted) overlay.mount();
      render(
        <OverlayApp page={shownPage} client={client} placement={placement} onPlacement={(next) => void overlayItem.setValue(next)} copy={copy} />,
        overlay.mounted!,
      );
    }

    overlayItem.watch(() => void draw());
    // WXT fires this before `location` changes: read the event's URL, never location.href.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      page = parsePortalUrl(newUrl.href);
      void draw();
    });
    await draw();
  },
});
