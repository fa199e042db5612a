import { useState } from 'preact/hooks';

export interface ExpandableTextProps {
  /** Untrusted text (a SCIM server's message, a JSON string): rendered as a text node only. */
  text: string;
  /** Characters shown before "Show more". */
  limit?: number;
  class?: string;
}

/** Wrapped text; anything longer than `limit` is cut with a "Show more" / "Show less" toggle. */
export function ExpandableText({ text, limit = 300, class: className = 'pl-wrap' }: ExpandableTextProps) {
  const [expanded, setExpanded] = useState(false);
  const long = text.length > limit;
  const shown = long && !expanded ? `${text.slice(0, limit)}…` : text;
  return (
    <span class={className}>
      {shown}
      {long && (
        <>
          {' '}
          <button type="button" class="pl-btn-link" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show less' : 'Show more'}
          </button>
        </>
      )}
    </span>
  );
}
