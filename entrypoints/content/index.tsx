import { render } from 'preact';
import { OverlayApp } from '@/components/OverlayApp';
import { createShadowHost, type ShadowHost } from '@/components/shadow-host';
import { LENS_CSS } from '@/components/styles';
import { PORTAL_HOSTS } from '@/lib/clouds';
import { createLensClient } from '@/lib/client';
import { readPlacement, writePlacement } from '@/lib/overlay-placement';
import { parsePortalUrl, type PortalPage } from '@/lib/portal-url';
import { onMessage } from '@/lib/protocol';

export default defineContentScript({
  matches: PORTAL_HOSTS.map((host) => `https://${host}/*`),
  runAt: 'document_end',
  async main(ctx) {
    const client = createLensClient();
    const copy = (text: string) => navigator.clipboard.writeText(text);
    let page: PortalPage | null = parsePortalUrl(location.href);
    let shadow: ShadowHost | undefined;

    // The popup asks which app this tab shows; only the extension itself can message a content script.
    onMessage('getPortalPage', () => page);

    async function draw(): Promise<void> {
      if (!page?.isProvisioning) {
        if (shadow) render(null, shadow.container);
        return shadow?.host.remove();
      }
      const shownPage = page;
      const placement = await readPlacement();
      if (page !== shownPage) return; // navigated again meanwhile: that draw wins
      shadow ??= createShadowHost('provisioning-lens', LENS_CSS);
      if (!shadow.host.isConnected) document.body.append(shadow.host);
      const onPlacement = (next: typeof placement) => void writePlacement(next).then(draw);
      render(<OverlayApp page={shownPage} client={client} placement={placement} onPlacement={onPlacement} copy={copy} />, shadow.container);
    }

    // WXT fires this before `location` changes: read the event's URL, never location.href.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      page = parsePortalUrl(newUrl.href);
      void draw();
    });
    await draw();
  },
});
