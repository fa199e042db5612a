/** The popup's recent lookups: what a found lookup leaves behind, and how an entry reads. Pure. */
import { isTemplateId } from './ids';
import { label as cutLabel, obj, text } from './json-fields';
import type { JobsFound } from './protocol';
import { MAX_RECENT_TEMPLATES, type RecentLookup } from './settings';

/** A job's template id: its templateId, else the first part of its id (`scim.0a1b…` → `scim`). */
function templateOf(job: unknown): string | undefined {
  const raw = obj(job);
  const templateId = text(raw?.templateId).trim();
  if (isTemplateId(templateId)) return templateId;
  const prefix = text(raw?.id).split('.')[0];
  return isTemplateId(prefix) && text(raw?.id).includes('.') ? prefix : undefined;
}

/** The entry for a lookup that found jobs: the app's name when known, else its jobs' template ids. */
export function recentLookupOf(found: JobsFound, jobId?: string): RecentLookup {
  const entry: RecentLookup = { servicePrincipalId: found.servicePrincipalId, ...(jobId ? { jobId } : {}) };
  const name = found.displayName?.trim();
  if (name) return { ...entry, label: cutLabel(name) };
  const templates = [...new Set(found.jobs.map(templateOf).filter((t): t is string => t !== undefined))].slice(0, MAX_RECENT_TEMPLATES);
  return templates.length > 0 ? { ...entry, templateIds: templates } : entry;
}

/** A GUID's first block, a job id's template and first 8 characters after it: enough to tell entries apart. */
export function shortId(id: string): string {
  if (id.length <= 20) return id;
  const dot = id.indexOf('.');
  if (dot > 0 && dot <= 40) return `${id.slice(0, dot + 9)}…`;
  return `${id.slice(0, 8)}…`;
}

export interface RecentLookupText {
  /** The app's name or its template ids; the service principal id for entries saved without either. */
  primary: string;
  /** The primary text is an id (monospace, breaks anywhere) rather than a name. */
  primaryIsId: boolean;
  /** Short ids under the name; the job id for an entry named by its service principal id. */
  secondary: string;
  /** Hover text: the full ids. */
  title: string;
}

export function recentLookupText(item: RecentLookup): RecentLookupText {
  const name = item.label ?? (item.templateIds?.length ? item.templateIds.join(', ') : undefined);
  const title = `Service principal ${item.servicePrincipalId}${item.jobId ? `, job ${item.jobId}` : ''}`;
  if (name === undefined) return { primary: item.servicePrincipalId, primaryIsId: true, secondary: item.jobId ? shortId(item.jobId) : '', title };
  return {
    primary: name,
    primaryIsId: false,
    secondary: [shortId(item.servicePrincipalId), item.jobId && shortId(item.jobId)].filter(Boolean).join(' · '),
    title,
  };
}
