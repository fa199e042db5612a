import { render } from 'preact';
import type { LensClient } from '@/lib/client';
import type { JobLookup } from '@/lib/protocol';
import type { OverlayController } from '@/lib/overlay-contract';
import { DEFAULT_PLACEMENT, onSettingsChanged, readOverlayStorage, writePlacement, type OverlayPlacement } from '@/lib/overlay-placement';
import type { PortalPage } from '@/lib/portal-url';
import { OverlayApp } from './OverlayApp';
import { createShadowHost, type ShadowHost } from './shadow-host';
import { LENS_CSS } from './styles';

const HOST_NAME = 'provisioning-lens';

/** Mounts the overlay in its shadow host on demand and keeps it in step with the page and the stored placement. */
export function createOverlayController(client: LensClient, copy: (text: string) => Promise<void>): OverlayController {
  let shadow: ShadowHost | undefined;
  let page: PortalPage | null = null;
  let primed: { page: PortalPage; answer: Promise<JobLookup> } | undefined;
  // The first lookup of a page takes the loader's answer; Refresh and later pages ask the background.
  const overlayClient: LensClient = {
    ...client,
    lookupJobs(query) {
      const answer = primed && primed.page === page && !query.fresh ? primed.answer : undefined;
      primed = undefined;
      return answer ?? client.lookupJobs(query);
    },
  };

  // Read once per page load, from the start (the UI module loads at document_start): no draw waits
  // on a storage round trip.
  let placement: OverlayPlacement | undefined;
  const read = () => readOverlayStorage().catch(() => ({ placement: DEFAULT_PLACEMENT, timeZone: undefined, actionsAllowed: undefined }));
  let stored = read();
  // Settings saved meanwhile (job actions turned on or off, UTC) reach an open overlay without a reload.
  onSettingsChanged(() => {
    stored = read();
    void draw();
  });
  const onPlacement = (next: OverlayPlacement) => {
    placement = next;
    void writePlacement(next);
    void draw();
  };

  async function draw(): Promise<void> {
    const shown = page;
    if (!shown) return;
    const { placement: storedPlacement, timeZone, actionsAllowed } = await stored;
    placement ??= storedPlacement;
    if (page !== shown) return; // the admin navigated meanwhile: that draw wins
    if (!shadow) {
      // An orphaned copy (the extension was updated under this tab) may have left its overlay behind.
      for (const stale of document.querySelectorAll(HOST_NAME)) stale.remove();
      shadow = createShadowHost(HOST_NAME, LENS_CSS);
    }
    if (!shadow.host.isConnected) (document.body ?? document.documentElement).append(shadow.host);
    render(<OverlayApp page={shown} client={overlayClient} placement={placement} onPlacement={onPlacement} copy={copy} timeZone={timeZone} actionsAllowed={actionsAllowed} />, shadow.container);
  }

  return {
    show(next, pending) {
      page = next;
      primed = pending ? { page: next, answer: pending } : undefined;
      void draw();
    },
    async focus() {
      if (!page) return false;
      placement = { ...(placement ?? (await stored).placement), collapsed: false };
      void writePlacement(placement);
      await draw();
      // The card's heading: a screen reader names where the focus went, and Tab goes on to its controls.
      const heading = page ? shadow?.container.querySelector<HTMLElement>('.pl-overlay-head h2') : undefined;
      heading?.focus();
      return heading !== undefined && heading !== null;
    },
    hide() {
      page = null;
      if (!shadow) return;
      render(null, shadow.container);
      shadow.host.remove();
    },
  };
}
