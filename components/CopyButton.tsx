import { useEffect, useState } from 'preact/hooks';

export interface CopyButtonProps {
  text: string;
  /** Writes to the clipboard; the host decides how (navigator.clipboard, offscreen document…). */
  copy: (text: string) => Promise<void>;
  /** Visible label, e.g. "Copy JSON" or "Copy". */
  label: string;
  /** Accessible name when the visible label alone is too vague ("Copy job ID"). */
  name?: string;
  /** What the hand-copy box is called when copying fails. */
  fallbackLabel?: string;
  class?: string;
}

type Status = 'idle' | 'copied' | 'failed';

/** How long "Copied" / "Copy failed" stays on the button. */
export const COPY_FEEDBACK_MS = 2000;

/**
 * A copy button that says "Copied" for about two seconds, announces it politely, and when the
 * clipboard refuses, offers the text in a read-only box to copy by hand.
 */
export function CopyButton({ text, copy, label, name, fallbackLabel = 'Text to copy', class: className = 'pl-btn' }: CopyButtonProps) {
  const [status, setStatus] = useState<Status>('idle');
  const [showFallback, setShowFallback] = useState(false);

  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), COPY_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const onClick = () => {
    copy(text).then(
      () => {
        setStatus('copied');
        setShowFallback(false);
      },
      () => {
        setStatus('failed');
        setShowFallback(true);
      },
    );
  };

  const shown = status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed' : label;
  return (
    <>
      <button type="button" class={className} aria-label={name} onClick={onClick}>
        {shown}
      </button>
      <span class="pl-sr" aria-live="polite">
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed: select the text below and copy it by hand' : ''}
      </span>
      {showFallback && (
        <textarea
          class="pl-copy-fallback"
          aria-label={fallbackLabel}
          readOnly
          value={text}
          onFocus={(event) => event.currentTarget.select()}
        />
      )}
    </>
  );
}
