// Fresh demo apps at runtime. The background caches answers for 60 s per service principal, so a
// timing that must include the Graph round trip needs an app nobody looked up yet: a copy of a
// demo app under new GUIDs and a job id of its own (the job id is what the probe waits to see).
import { randomUUID } from 'node:crypto';

let serial = 0;

/** Deep copy of `template` (a demo app) under new ids, appended to the live tenant. */
export function cloneApp(cloud, template, { jobs } = {}) {
  serial += 1;
  const appId = randomUUID();
  const objectId = randomUUID();
  const tag = `bench${String(serial).padStart(4, '0')}${objectId.replace(/-/g, '').slice(0, 8)}`;
  const sourceJobs = jobs ?? template.jobs;
  const app = {
    ...structuredClone({ ...template, jobs: undefined }),
    key: `${template.key}-${tag}`,
    displayName: `${template.displayName} ${tag}`,
    appId,
    objectId,
    jobs: sourceJobs.map((job, i) => ({ ...structuredClone(job), id: `${job.templateId ?? 'scim'}.${tag}${sourceJobs.length > 1 ? `.${i}` : ''}` })),
  };
  app.servicePrincipal = { ...app.servicePrincipal, id: objectId, appId, displayName: app.displayName, appDisplayName: app.displayName, servicePrincipalNames: [appId] };
  cloud.tenant.apps.push(app);
  return app;
}

/** The job the overlay shows first: the first quarantined one, as the view model picks (first job otherwise). */
export function shownJobId(app) {
  const quarantined = app.jobs.find((j) => j.status?.code === 'Quarantine');
  return (quarantined ?? app.jobs[0]).id;
}

export const provisioningHash = (app) =>
  `#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${app.appId}/objectId/${app.objectId}`;
export const overviewHash = (app) =>
  `#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Overview/objectId/${app.objectId}/appId/${app.appId}`;
export const graphJobsUrl = (app) => `https://graph.microsoft.com/v1.0/servicePrincipals/${app.objectId}/synchronization/jobs`;
