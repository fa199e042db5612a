import { IdText } from '../IdText';

/** The app and job an action is for, so the admin confirms the right one. */
export function JobNames({ appName, jobId }: { appName: string; jobId: string }) {
  return (
    <dl class="pl-dl">
      <dt>App</dt>
      <dd>{appName}</dd>
      <dt>Job</dt>
      <dd><IdText id={jobId} /></dd>
    </dl>
  );
}
