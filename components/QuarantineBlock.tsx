import type { QuarantineView } from '@/lib/job-view';
import { ExpandableText } from './ExpandableText';
import { CodeText } from './IdText';
import { QuarantineFacts } from './QuarantineFacts';

/** A link that does one of the steps, e.g. the app's Provisioning blade or its provisioning logs. */
export interface ActionLink {
  label: string;
  href: string;
}

export interface QuarantineBlockProps {
  quarantine: QuarantineView;
  /** The job's https troubleshooting link (already vetted by the view model), shown with the steps. */
  troubleshootingUrl?: string | null;
  /** Portal links for the steps (built by the host from the page it is on); only https ones are shown. */
  links?: readonly ActionLink[];
}

/** Messages longer than this are cut behind "Show more". */
export const MESSAGE_LIMIT = 300;

/**
 * The quarantine answers, in the order an admin needs them: why, what to do, the exact error,
 * since when, the next attempt, days before the job is disabled, whether the tenant can act, series.
 */
export function QuarantineBlock({ quarantine: q, troubleshootingUrl, links = [] }: QuarantineBlockProps) {
  const all = [...links, ...(troubleshootingUrl ? [{ label: 'Troubleshooting guide', href: troubleshootingUrl }] : [])].filter(
    (link) => link.href.startsWith('https://'),
  );
  return (
    <section class="pl-quarantine" aria-label="Quarantine">
      <h3>Why it is in quarantine</h3>
      <p>{q.reasonText}</p>
      {(q.actions.length > 0 || all.length > 0 || q.error?.hint) && (
        <>
          <h3>What to do</h3>
          <ol>
            {q.error?.hint && <li>{q.error.hint}</li>}
            {q.actions.map((action, i) => (
              <li key={i}>{action}</li>
            ))}
            {all.map((link) => (
              <li key={link.href}>
                <a href={link.href} target="_blank" rel="noopener noreferrer">
                  {link.label}
                </a>
              </li>
            ))}
          </ol>
        </>
      )}
      {q.error && (
        <>
          <h3>Error</h3>
          {q.error.code && <p><CodeText code={q.error.code} /></p>}
          {q.error.message && (
            <p>
              <ExpandableText text={q.error.message} limit={MESSAGE_LIMIT} />
            </p>
          )}
        </>
      )}
      <QuarantineFacts quarantine={q} />
    </section>
  );
}
