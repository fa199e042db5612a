import type { QuarantineView } from '@/lib/job-view';
import { AdviceSteps } from './AdviceSteps';
import { ExpandableText } from './ExpandableText';
import { CodeText } from './IdText';
import type { ActionLink } from './links';
import { QuarantineFacts } from './QuarantineFacts';

export interface QuarantineBlockProps {
  quarantine: QuarantineView;
  /** The one link that does a step (components/links.ts adviceLink); only an https one is shown. */
  link?: ActionLink | null;
}

/** Messages longer than this are cut behind "Show more". */
export const MESSAGE_LIMIT = 300;

/**
 * The quarantine answers, in the order an admin needs them: why, what to do, the exact error,
 * then the facts (since when, the next attempt, when the job is disabled, who can fix it).
 */
export function QuarantineBlock({ quarantine: q, link }: QuarantineBlockProps) {
  return (
    <section class="pl-quarantine" aria-label="Quarantine">
      <h3>Why it is in quarantine</h3>
      <p>{q.advice.why}</p>
      <h3>What to do</h3>
      <AdviceSteps steps={q.advice.steps} link={link} />
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
