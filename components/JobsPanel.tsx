import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { JobView } from '@/lib/job-view';
import { label } from '@/lib/json-fields';
import { appName } from '@/lib/job/templates';
import type { CloudId } from '@/lib/clouds';
import type { JobsFound } from '@/lib/protocol';
import { sameJob, type WatchedJob } from '@/lib/watch/watched';
import { WatchButton } from './watch/WatchButton';
import { ErrorNotice } from './ErrorNotice';
import { JobCard } from './JobCard';
import { JobPicker } from './JobPicker';
import type { PortalLinks } from './links';
import type { FailuresSource } from './logs/useFailures';
import { defaultJobIndex, jobSummary, type PanelState } from './summary';

export interface JobsPanelProps {
  state: PanelState;
  /** Turns a job as Graph returned it into its view (the host binds `now` and the time zone). */
  toView: (raw: unknown) => JobView;
  now: Date;
  timeZone?: string;
  /** The job to show first; default: the first that needs attention (pickDefaultJob). */
  defaultIndex?: number;
  refreshing?: boolean;
  onRefresh: () => void;
  onSignIn: () => void;
  onOpenSettings: () => void;
  copy: (text: string) => Promise<void>;
  /** The portal pages the host can offer for the advice's steps, passed to the job card. */
  links?: PortalLinks;
  /** The shown job's actions, when the host offers them (the admin opted in). */
  renderActions?: (view: JobView, raw: unknown, app: { servicePrincipalId: string; displayName?: string; views: readonly JobView[] }) => ComponentChildren;
  /** The provisioning logs' digest, passed to the job card. */
  failures?: FailuresSource;
  /** Watched jobs: the list and how to change it; the cloud and app id the host knows, for the entry. */
  watch?: { list: readonly WatchedJob[]; set: (job: WatchedJob, watch: boolean) => void; cloud: CloudId; appId?: string | null };
}

/** The entry a Watch toggle stores for the job shown: ids, a name for lists and notifications. */
function watchEntry(state: JobsFound, view: JobView, views: readonly JobView[], cloud: CloudId, appId?: string | null): WatchedJob {
  const name = appName(state.displayName, views.map((v) => v.templateId))?.name;
  return {
    cloud,
    servicePrincipalId: state.servicePrincipalId,
    jobId: view.jobId,
    label: name && view.templateId ? `${name} (${view.templateId})` : name || view.templateId || view.jobId,
    ...((state.appId ?? appId) ? { appId: (state.appId ?? appId)! } : {}),
  };
}

function Skeleton() {
  return (
    <div class="pl-skeleton" aria-busy="true">
      <span class="pl-sr">Loading the provisioning job…</span>
      {[1, 2, 3, 4].map((n) => (
        <div key={n} class="pl-skeleton-bar" aria-hidden="true" />
      ))}
    </div>
  );
}

/**
 * Which app this is: its display name when the lookup knows it (never fetched for this line), else
 * the name of its template, said to be that.
 */
function AppName({ displayName, views }: { displayName?: string; views: readonly JobView[] }) {
  const app = appName(displayName, views.map((view) => view.templateId));
  if (!app) return null;
  return (
    <p class="pl-app">
      <strong>{label(app.name)}</strong>
      {app.fromTemplate && <span class="pl-caption"> · name from the job's template</span>}
    </p>
  );
}

/** The job the admin picked: by id, and by position for jobs whose id is missing or shared. */
interface JobChoice {
  jobId: string;
  index: number;
}

/** By id, so a refresh that reorders jobs keeps the admin's choice; by position when the id tells no job apart. */
function chosenIndex(views: readonly JobView[], choice: JobChoice | null): number | null {
  if (!choice) return null;
  const sameId = choice.jobId ? views.filter((view) => view.jobId === choice.jobId) : [];
  if (sameId.length === 1) return views.indexOf(sameId[0]!);
  return choice.index < views.length ? choice.index : null;
}

/** Whatever the lookup answered: skeleton, sign-in, settings, error, no job, or the job view. */
export function JobsPanel(props: JobsPanelProps) {
  const { state, toView, onRefresh, refreshing = false, watch } = props;
  const jobs = state.kind === 'jobs' ? state.jobs : null;
  const views = useMemo(() => (jobs ? jobs.map(toView) : []), [jobs, toView]);
  const [choice, setChoice] = useState<JobChoice | null>(null);
  const index = chosenIndex(views, choice) ?? defaultJobIndex(views, props.defaultIndex);
  const view = views[index];
  const refresh = (
    <button type="button" class="pl-btn" onClick={() => refreshing || onRefresh()} aria-disabled={refreshing}>
      Refresh
    </button>
  );

  let body;
  let announce = '';
  switch (state.kind) {
    case 'loading':
      body = <Skeleton />;
      announce = 'Loading the provisioning job';
      break;
    case 'signedOut':
      announce = state.expired ? 'Your session has expired: sign in again' : "You're not signed in";
      body = (
        <div class="pl-stack">
          <p><strong>{state.expired ? 'Your session has expired: sign in again' : "You're not signed in"}</strong></p>
          <p>
            {state.needsAppRead
              ? 'Looking an app up by its application ID needs the Application.Read.All permission: sign in to grant it.'
              : "Sign in with your admin account to read this app's provisioning job (read-only)."}
          </p>
          <button type="button" class="pl-btn pl-btn-primary" onClick={props.onSignIn}>Sign in</button>
        </div>
      );
      break;
    case 'notConfigured':
      announce = 'Provisioning Lens is not set up yet';
      body = (
        <div class="pl-stack">
          <p><strong>Provisioning Lens is not set up yet</strong></p>
          <p>Enter the app registration it signs in with (client ID and tenant) in the settings.</p>
          <button type="button" class="pl-btn pl-btn-primary" onClick={props.onOpenSettings}>Open settings</button>
        </div>
      );
      break;
    case 'error':
      announce = state.error.title;
      body = <ErrorNotice error={state.error} copy={props.copy}>{refresh}</ErrorNotice>;
      break;
    case 'jobs':
      if (!view) {
        announce = 'No provisioning job';
        body = (
          <div class="pl-stack">
            <p><strong>No provisioning job</strong></p>
            <p>
              Provisioning is not set up for {state.displayName ?? 'this app'}: its service principal has no
              synchronization job. Set it up under Provisioning in the enterprise application.
            </p>
            <div>{refresh}</div>
          </div>
        );
        break;
      }
      announce = jobSummary(view);
      const entry = watch && view.jobId ? watchEntry(state, view, views, watch.cloud, watch.appId) : null;
      body = (
        <>
          <AppName displayName={state.displayName} views={views} />
          <JobPicker views={views} index={index} onChange={(i) => setChoice({ jobId: views[i]?.jobId ?? '', index: i })} />
          <JobCard view={view} raw={state.jobs[index]} fetchedAt={state.fetchedAt} now={props.now} timeZone={props.timeZone}
            onRefresh={onRefresh} refreshing={refreshing} copy={props.copy} links={props.links} failures={props.failures}
            actions={props.renderActions?.(view, state.jobs[index], { servicePrincipalId: state.servicePrincipalId, displayName: state.displayName, views })}
            watch={entry && watch && <WatchButton watching={watch.list.some((item) => sameJob(item, entry))} onChange={(on) => watch.set(entry, on)} />} />
        </>
      );
  }
  return (
    <div class="pl-panel">
      <p class="pl-sr" aria-live="polite">{announce}</p>
      {body}
    </div>
  );
}
