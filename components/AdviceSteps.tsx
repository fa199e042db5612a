import type { ActionLink } from './links';

export interface AdviceStepsProps {
  steps: readonly string[];
  /** The one link that does a step; shown only when https (the last guard before an href). */
  link?: ActionLink | null;
}

/** The numbered steps of an advice, then its link: the same on the quarantine block and the job details. */
export function AdviceSteps({ steps, link }: AdviceStepsProps) {
  return (
    <>
      {steps.length > 0 && (
        <ol class="pl-steps">
          {steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      )}
      {link?.href.startsWith('https://') && (
        <p>
          <a href={link.href} target="_blank" rel="noopener noreferrer">
            {link.label}
          </a>
        </p>
      )}
    </>
  );
}
