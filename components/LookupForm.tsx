import { useState } from 'preact/hooks';
import type { CloudId } from '@/lib/clouds';
import { isGuid, isJobId } from '@/lib/ids';
import { parsePortalUrl } from '@/lib/portal-url';
import type { JobQuery } from '@/lib/protocol';
import { recentLookupText } from '@/lib/recent-lookups';
import type { RecentLookup } from '@/lib/settings';
import { IdBreaks } from './IdText';

export interface LookupFormProps {
  cloud: CloudId;
  recent: readonly RecentLookup[];
  onLookup: (query: JobQuery) => void;
}

/** Reads the form into a query, or says what is wrong with it. Pure, so it is tested as a table. */
export function queryFromForm(fields: { servicePrincipalId: string; jobId: string; portalUrl: string }, cloud: CloudId): JobQuery | string {
  const portalUrl = fields.portalUrl.trim();
  const jobId = fields.jobId.trim() || undefined;
  if (jobId !== undefined && !isJobId(jobId)) return 'That Job ID does not look right: it looks like scim.0123abcd… (letters, digits, dots, dashes).';
  if (portalUrl) {
    const page = parsePortalUrl(portalUrl);
    if (!page) return 'That is not an Azure portal or Entra admin center URL.';
    if (!page.servicePrincipalId && !page.appId) return 'That portal URL names no enterprise app: open the app in the portal and copy the URL again.';
    return { cloud: page.cloud, servicePrincipalId: page.servicePrincipalId ?? undefined, appId: page.servicePrincipalId ? undefined : (page.appId ?? undefined), jobId };
  }
  const servicePrincipalId = fields.servicePrincipalId.trim();
  if (!servicePrincipalId) return 'Enter a Service principal object ID or paste a Portal URL.';
  if (!isGuid(servicePrincipalId)) return 'The Service principal object ID is a GUID: the Object ID on the enterprise app\'s Overview page.';
  return { cloud, servicePrincipalId: servicePrincipalId.toLowerCase(), jobId };
}

export function LookupForm({ cloud, recent, onLookup }: LookupFormProps) {
  const [fields, setFields] = useState({ servicePrincipalId: '', jobId: '', portalUrl: '' });
  const [problem, setProblem] = useState('');
  const bind = (key: keyof typeof fields) => ({
    id: `lookup-${key}`,
    value: fields[key],
    onInput: (event: Event) => setFields({ ...fields, [key]: (event.currentTarget as HTMLInputElement).value }),
  });
  const submit = (event: Event) => {
    event.preventDefault();
    const query = queryFromForm(fields, cloud);
    if (typeof query === 'string') return setProblem(query);
    setProblem('');
    onLookup(query);
  };
  return (
    <form class="pl-stack pl-lookup" onSubmit={submit} noValidate>
      <div class="pl-field">
        <label for="lookup-servicePrincipalId">Service principal object ID</label>
        <input class="pl-input pl-mono" autocomplete="off" spellcheck={false} {...bind('servicePrincipalId')} />
      </div>
      <div class="pl-field">
        <label for="lookup-jobId">Job ID</label>
        <input class="pl-input pl-mono" autocomplete="off" spellcheck={false} placeholder="optional: every job when empty" {...bind('jobId')} />
      </div>
      <div class="pl-field">
        <label for="lookup-portalUrl">Portal URL</label>
        <input class="pl-input" type="url" autocomplete="off" spellcheck={false} placeholder="or paste an enterprise app's portal URL" {...bind('portalUrl')} />
      </div>
      {problem && <p class="pl-field-error" role="alert">{problem}</p>}
      <div class="pl-actions">
        <button type="submit" class="pl-btn pl-btn-primary">Look up</button>
      </div>
      {recent.length > 0 && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent lookups</h2>
          <ul class="pl-recent">
            {recent.map((item) => {
              const text = recentLookupText(item);
              return (
                <li key={`${item.servicePrincipalId}|${item.jobId ?? ''}`}>
                  <button type="button" class="pl-link-btn pl-recent-item" title={text.title} onClick={() => onLookup({ cloud, servicePrincipalId: item.servicePrincipalId, jobId: item.jobId })}>
                    <span class={text.primaryIsId ? 'pl-mono' : undefined}>{text.primaryIsId ? <IdBreaks id={text.primary} /> : text.primary}</span>
                    {text.secondary && <span class="pl-caption pl-mono"><IdBreaks id={text.secondary} /></span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </form>
  );
}
