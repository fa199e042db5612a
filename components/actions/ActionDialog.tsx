import type { ComponentChildren } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { LensError } from '@/lib/protocol';
import { ErrorNotice } from '../ErrorNotice';

export interface ActionDialogProps {
  /** The dialog's name, e.g. "Restart provisioning job". */
  title: string;
  /** What the action does to which app and job. */
  children: ComponentChildren;
  /** "Restart job", "Pause job". */
  confirmLabel: string;
  /** "Restarting…": the confirm button's text while the request is out. */
  busyLabel: string;
  busy: boolean;
  /** false until every choice the action needs is made (a second confirmation, say). */
  canConfirm?: boolean;
  error?: LensError | null;
  onConfirm: () => void;
  onCancel: () => void;
  copy?: (text: string) => Promise<void>;
}

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal confirmation: named by its title, focus kept inside while open and given back to the
 * button that opened it, Escape and Cancel close it. While the request is out it stays open (the
 * answer lands here) and nothing in it can send a second time.
 */
export function ActionDialog({ title, children, confirmLabel, busyLabel, busy, canConfirm = true, error, onConfirm, onCancel, copy }: ActionDialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const state = useRef({ busy, onCancel });
  state.current = { busy, onCancel };

  // Focus moves in before the next paint, so a key pressed at once already lands in the dialog.
  useLayoutEffect(() => {
    const root = box.current?.getRootNode() as Document | ShadowRoot | undefined;
    const opener = root?.activeElement as HTMLElement | null | undefined;
    box.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    // Keys are taken at the root (the overlay's shadow root, or the popup's document), in the capture
    // phase: wherever the focus is, Escape closes this dialog (never collapses the overlay behind it)
    // and Tab cycles inside it.
    const onKey = (event: Event) => onKeyDown(event as KeyboardEvent);
    root?.addEventListener('keydown', onKey, { capture: true });
    return () => {
      root?.removeEventListener('keydown', onKey, { capture: true });
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // The confirm button goes when an answer is an error: keep the focus in the dialog, on Close.
  useEffect(() => {
    if (error) cancel.current?.focus();
  }, [error]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      if (!state.current.busy) state.current.onCancel();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled'));
    if (items.length === 0) return;
    const root = box.current.getRootNode() as Document | ShadowRoot;
    const at = items.indexOf(root.activeElement as HTMLElement);
    const next = event.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at === items.length - 1 || at < 0 ? 0 : at + 1;
    event.preventDefault();
    event.stopPropagation();
    items[next]!.focus();
  }

  return (
    <div class="pl-dialog-backdrop">
      <div ref={box} class="pl-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h3 id={titleId}>{title}</h3>
        {children}
        {error && <ErrorNotice error={error} copy={copy} />}
        <div class="pl-actions">
          {/* After a failure the answer stands: trying again starts from the card, with a new confirmation. */}
          {!error && (
            <button type="button" class="pl-btn pl-btn-primary" aria-disabled={busy || !canConfirm} aria-busy={busy}
              onClick={() => busy || !canConfirm || onConfirm()}>
              {busy ? busyLabel : confirmLabel}
            </button>
          )}
          <button ref={cancel} type="button" class="pl-btn" aria-disabled={busy} onClick={() => busy || onCancel()}>
            {error ? 'Close' : 'Cancel'}
          </button>
        </div>
      </div>
    </div>
  );
}
