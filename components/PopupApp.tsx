import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CloudId } from '@/lib/clouds';
import { CLOUDS } from '@/lib/clouds';
import type { LensClient } from '@/lib/client';
import { queryOfPage, type PortalPage } from '@/lib/portal-url';
import { accountView } from '@/lib/account-view';
import type { AuthState, JobQuery } from '@/lib/protocol';
import { recentLookupOf } from '@/lib/recent-lookups';
import type { RecentLookup } from '@/lib/settings';
import { ErrorNotice } from './ErrorNotice';
import { IdBreaks } from './IdText';
import { JobsPanel } from './JobsPanel';
import { failuresSourceOf } from './logs/source';
import { portalLinks } from './links';
import { LookupForm } from './LookupForm';
import { jobActionsSlot } from './actions/actions-slot';
import { useJobLookup } from './useJobLookup';
import { useJobView } from './useJobView';
import { useNow } from './useNow';
import { useWatched } from './watch/useWatched';
import { WatchedList } from './watch/WatchedList';

export interface PopupAppProps {
  client: LensClient;
  /** The portal page of the active tab, when its content script answered. */
  tabPage: PortalPage | null;
  cloud: CloudId;
  /** IANA zone for absolute times (settings: UTC on request); default the browser's. */
  timeZone?: string;
  recent: readonly RecentLookup[];
  onFound: (entry: RecentLookup) => void;
  copy: (text: string) => Promise<void>;
  /** The admin opted in to job actions (settings). */
  actionsAllowed?: boolean;
  /** Opens the tenant overview page; no button when absent. */
  onOpenTenant?: () => void;
}

/** Who is signed in and to which tenant, in full: a line under the title that wraps rather than cuts. */
function SignedInAs({ auth }: { auth: AuthState | null }) {
  const view = accountView(auth);
  if (!view) return null;
  return (
    <p class="pl-who">
      <span class="pl-who-item" title={view.accountTitle}>
        <span class="pl-sr">Signed in as </span>
        <span class="pl-who-account">{view.account}</span>
      </span>
      {view.tenant && (
        <span class="pl-who-item" title={view.tenantTitle}>
          <span class="pl-who-label">Tenant </span>
          <span class="pl-who-tenant"><IdBreaks id={view.tenant} /></span>
        </span>
      )}
    </p>
  );
}

function AccountBar({ auth, client, onChange, onOpenTenant }: { auth: AuthState | null; client: LensClient; onChange: (auth: AuthState) => void; onOpenTenant?: () => void }) {
  const [error, setError] = useState<Parameters<typeof ErrorNotice>[0]['error'] | null>(null);
  const signIn = async () => {
    const result = await client.signIn();
    setError(result.ok ? null : result.error);
    onChange(await client.getAuthState());
  };
  const signedIn = accountView(auth) !== null;
  return (
    <>
      <header class="pl-header">
        <div class="pl-header-bar">
          <h1>Provisioning Lens</h1>
          <div class="pl-header-actions">
            {auth?.configured && (signedIn
              ? <button type="button" class="pl-btn" onClick={async () => onChange(await client.signOut())}>Sign out</button>
              : <button type="button" class="pl-btn pl-btn-primary" onClick={signIn}>Sign in</button>)}
            {onOpenTenant && <button type="button" class="pl-btn" onClick={onOpenTenant}>Tenant overview</button>}
            <button type="button" class="pl-btn" onClick={() => void client.openSettings()}>Settings</button>
          </div>
        </div>
        <SignedInAs auth={auth} />
      </header>
      {error && <ErrorNotice error={error} />}
    </>
  );
}

/** The toolbar popup: the active tab's job at once, else a lookup by ids or a pasted portal URL. */
export function PopupApp({ client, tabPage, cloud, timeZone, recent, onFound, copy, actionsAllowed, onOpenTenant }: PopupAppProps) {
  const [auth, setAuth] = useState<AuthState | null>(null);
  const [query, setQuery] = useState<JobQuery | null>(() => (tabPage ? queryOfPage(tabPage) : null));
  const { state, shown, refreshing, refresh, signIn } = useJobLookup(client, query);
  useEffect(() => void client.getAuthState().then(setAuth), [client]);

  useEffect(() => {
    if (state.status === 'done' && state.lookup.kind === 'jobs')
      onFound(recentLookupOf(state.lookup, query?.jobId));
  }, [state]);

  const now = useNow();
  const watched = useWatched(client);
  const toView = useJobView(now, timeZone);
  const found = shown.kind === 'jobs' ? shown : undefined;
  const failures = useMemo(() => failuresSourceOf(client, query?.cloud ?? cloud), [client, query?.cloud, cloud]);
  const host = tabPage?.host ?? CLOUDS[query?.cloud ?? cloud].portalHosts[0]!;
  return (
    <div class="pl-popup">
      <AccountBar auth={auth} client={client} onChange={setAuth} onOpenTenant={onOpenTenant} />
      <main>
        {query ? (
          <>
            <h2 class="pl-sr">Provisioning job</h2>
            <JobsPanel
              state={shown}
              toView={toView}
              now={now}
              timeZone={timeZone}
              refreshing={refreshing}
              onRefresh={refresh}
              onSignIn={async () => {
                await signIn();
                setAuth(await client.getAuthState());
              }}
              onOpenSettings={() => void client.openSettings(tabPage ? { tenant: tabPage.tenant ?? undefined, cloud: tabPage.cloud } : undefined)}
              copy={copy}
              renderActions={actionsAllowed ? jobActionsSlot(client, refresh, copy) : undefined}
              failures={failures}
              links={portalLinks(host, found?.appId ?? query.appId, found?.servicePrincipalId ?? query.servicePrincipalId)}
              watch={{ ...watched, cloud: query.cloud, appId: query.appId ?? tabPage?.appId }}
            />
            <button type="button" class="pl-link-btn" onClick={() => setQuery(null)}>Look up another job</button>
          </>
        ) : (
          <>
            <LookupForm cloud={cloud} recent={recent} onLookup={setQuery} />
            <WatchedList list={watched.list} now={now} timeZone={timeZone} onOpen={setQuery} />
          </>
        )}
      </main>
    </div>
  );
}
