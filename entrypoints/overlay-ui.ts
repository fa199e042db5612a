// The overlay's UI, imported by the content script on provisioning pages only; runs in its isolated world.
import { createOverlayController } from '@/components/overlay-controller';
import { createLensClient } from '@/lib/client';
import { OVERLAY_GLOBAL } from '@/lib/overlay-contract';

export default defineUnlistedScript(() => {
  const copy = (text: string) => navigator.clipboard.writeText(text);
  Object.assign(globalThis, { [OVERLAY_GLOBAL]: createOverlayController(createLensClient(), copy) });
});
