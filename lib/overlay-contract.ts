/**
 * The content script is split in two: a small loader that runs on every portal page, and the
 * overlay UI, imported into the same isolated world only on provisioning pages. They meet here.
 */
import type { PortalPage } from './portal-url';
import type { JobLookup } from './protocol';

export interface OverlayController {
  /**
   * Show (or update) the overlay for this provisioning page. `pending` is the loader's own lookup
   * for it, started while the UI loaded: the overlay takes that answer instead of asking again.
   */
  show(page: PortalPage, pending?: Promise<JobLookup>): void;
  /** Remove it: the admin left for a page that is not about provisioning. */
  hide(): void;
  /** Expand it (remembered) and move the focus to its heading; false when no overlay is shown. */
  focus(): Promise<boolean>;
}

/** Where the UI module leaves its controller: a global of the content script's isolated world, invisible to the page. */
export const OVERLAY_GLOBAL = '__provisioningLensOverlay';

/** Path of the UI module inside the extension (a web-accessible resource limited to the portal hosts). */
export const OVERLAY_MODULE = '/overlay-ui.js';
