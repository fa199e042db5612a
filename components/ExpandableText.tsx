import { useState } from 'preact/hooks';
import { breakLongRuns } from '@/lib/text-breaks';
import { formatCount } from '@/lib/format';

export interface ExpandableTextProps {
  /** Untrusted text (a SCIM server's message, a JSON string): rendered as text nodes only. */
  text: string;
  /** Characters shown before "Show more". */
  limit?: number;
  class?: string;
}

/**
 * The most an expanded text shows. Beyond it a card is no place to read (Copy JSON has it all),
 * and every 100,000 characters cost the page about 100 ms of layout.
 */
export const SHOWN_MAX = 100_000;

/** Text as text nodes, with a break opportunity (<wbr>) inside every long unbroken run (lib/text-breaks). */
export function Breakable({ text }: { text: string }) {
  const pieces = breakLongRuns(text);
  if (pieces.length === 1) return <>{text}</>;
  return <>{pieces.map((piece, i) => (i === 0 ? piece : [<wbr key={i} />, piece]))}</>;
}

/** Wrapped text; anything longer than `limit` is cut with a "Show more" / "Show less" toggle. */
export function ExpandableText({ text, limit = 300, class: className = 'pl-wrap' }: ExpandableTextProps) {
  const [expanded, setExpanded] = useState(false);
  const long = text.length > limit;
  const shown = !long ? text : expanded ? text.slice(0, SHOWN_MAX) : `${text.slice(0, limit)}…`;
  const hidden = expanded ? text.length - shown.length : 0;
  return (
    <span class={className}>
      <Breakable text={shown} />
      {hidden > 0 && <span class="pl-caption"> … {formatCount(hidden)} more characters: Copy JSON has all of them.</span>}
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
