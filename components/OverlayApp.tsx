import { useMemo } from 'preact/hooks';
import { CLOUDS } from '@/lib/clouds';
import { FOCUS_OVERLAY_KEY } from '@/lib/commands';
import type { LensClient } from '@/lib/client';
import { queryOfPage, type PortalPage } from '@/lib/portal-url';
import type { OverlayPlacement } from '@/lib/settings';
import { JobsPanel } from './JobsPanel';
import { failuresSourceOf } from './logs/source';
import { portalLinks } from './links';
import { Overlay } from './Overlay';
import { lookupPill } from './summary';
import { jobActionsSlot } from './actions/actions-slot';
import { useJobLookup } from './useJobLookup';
import { useJobView } from './useJobView';
import { useNow } from './useNow';
import { useWatched } from './watch/useWatched';

export interface OverlayAppProps {
  page: PortalPage;
  client: LensClient;
  placement: OverlayPlacement;
  onPlacement: (placement: OverlayPlacement) => void;
  copy: (text: string) => Promise<void>;
  /** IANA zone for absolute times (settings: UTC on request); default the browser's. */
  timeZone?: string;
  /** The admin opted in to job actions (settings). */
  actionsAllowed?: boolean;
}

/** The overlay on a provisioning page: one lookup per page, following the portal's navigation. */
export function OverlayApp({ page, client, placement, onPlacement, copy, timeZone, actionsAllowed }: OverlayAppProps) {
  const query = useMemo(() => queryOfPage(page), [page.cloud, page.servicePrincipalId, page.appId]);
  const { shown, refreshing, refresh, signIn } = useJobLookup(client, query);
  const now = useNow();
  const watched = useWatched(client);
  const toView = useJobView(now, timeZone);
  const found = shown.kind === 'jobs' ? shown : undefined;
  const failures = useMemo(() => failuresSourceOf(client, page.cloud), [client, page.cloud]);
  const pill = useMemo(() => lookupPill(shown, toView), [shown, toView]);
  // The overlay works on the admin's own clicks only (shadow-host.ts), so a page cannot press these.
  const renderActions = actionsAllowed ? jobActionsSlot(client, refresh, copy) : undefined;
  return (
    <Overlay
      collapsed={placement.collapsed}
      onToggle={() => onPlacement({ ...placement, collapsed: !placement.collapsed })}
      position={placement.offset ?? undefined}
      onMove={(offset) => onPlacement({ ...placement, offset })}
      summary={pill.label}
      tone={pill.tone}
      icon={pill.icon}
      shortcut={FOCUS_OVERLAY_KEY}
    >
      <JobsPanel
        state={shown}
        toView={toView}
        now={now}
        timeZone={timeZone}
        refreshing={refreshing}
        onRefresh={refresh}
        onSignIn={() => void signIn()}
        onOpenSettings={() => void client.openSettings({ tenant: page.tenant ?? undefined, cloud: page.cloud })}
        copy={copy}
        renderActions={renderActions}
        failures={failures}
        // The overlay only shows on the app's Provisioning page: never a link back to it.
        links={portalLinks(page.host || CLOUDS[page.cloud].portalHosts[0]!, found?.appId ?? page.appId, found?.servicePrincipalId ?? page.servicePrincipalId, 'provisioningPage')}
        watch={{ ...watched, cloud: page.cloud, appId: page.appId }}
      />
    </Overlay>
  );
}
