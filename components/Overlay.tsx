import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { JobStateKey, Tone } from '@/lib/job-view';
import { clampOffset, offsetAfterKey, type OverlayOffset } from '@/lib/overlay-placement';
import { StateIcon } from './StatePill';

/** Offset of the card's bottom-right corner from the viewport's, in px: stays docked on resize. */
export type OverlayPosition = OverlayOffset;

export interface OverlayProps {
  collapsed: boolean;
  /** Collapse or expand; the host persists the new state. */
  onToggle: () => void;
  position?: OverlayPosition;
  /** When a drag ends or an arrow key moves it (null: Home docked it again); the host persists it. */
  onMove?: (position: OverlayPosition | null) => void;
  /** The collapsed pill's text, e.g. "Quarantined · scim". */
  summary: string;
  tone?: Tone;
  /** The collapsed pill's icon: the state's (components/StatePill.tsx); none while loading or signed out. */
  icon?: JobStateKey;
  /** The keyboard shortcut that brings focus here (the manifest's command), e.g. "Alt+Shift+L". */
  shortcut?: string;
  children?: ComponentChildren;
}

export const DEFAULT_POSITION: OverlayPosition = { right: 16, bottom: 16 };

interface Drag {
  x: number;
  y: number;
  from: OverlayPosition;
  at: OverlayPosition;
}

const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });

/** The content script's shell: a card docked bottom-right, draggable, collapsible to a state pill. */
export function Overlay({ collapsed, onToggle, position, onMove, summary, tone = 'neutral', icon, shortcut, children }: OverlayProps) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const moveHint = useId();
  const at = drag?.at ?? position ?? DEFAULT_POSITION;
  const style = { right: `${at.right}px`, bottom: `${at.bottom}px` };
  const withShortcut = (text: string) => (shortcut ? `${text} (${shortcut})` : text);

  // After a toggle from inside the overlay, keep focus on the (new) toggle button.
  useEffect(() => {
    if (refocus.current) toggleRef.current?.focus();
    refocus.current = false;
  }, [collapsed]);

  const toggle = () => {
    refocus.current = true;
    onToggle();
  };

  if (collapsed)
    return (
      <aside class={`pl-root pl-overlay pl-collapsed pl-tone-${tone}`} style={style} aria-label="Provisioning Lens" onClick={toggle}>
        {icon && <StateIcon state={icon} />}
        {/* A polite live region: a state that changes while collapsed (loading → Quarantined) is announced. */}
        <span class="pl-collapsed-state" role="status">
          <span class="pl-sr">Provisioning Lens: </span>
          {summary}
        </span>
        <button ref={toggleRef} type="button" class="pl-btn-icon" aria-label="Expand" aria-expanded={false} aria-keyshortcuts={shortcut} title={withShortcut('Expand')}>
          <span aria-hidden="true">▴</span>
        </button>
      </aside>
    );

  const endDrag = () => {
    if (drag) onMove?.(drag.at);
    setDrag(null);
  };
  return (
    <aside
      class={`pl-root pl-overlay${drag ? ' pl-dragging' : ''}`}
      style={style}
      aria-label="Provisioning Lens"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        toggle();
      }}
    >
      <header class="pl-overlay-head">
        <button
          type="button"
          class="pl-drag"
          aria-label="Move"
          aria-describedby={moveHint}
          title="Drag, or use the arrow keys, to move (Home: back to the corner)"
          onKeyDown={(event) => {
            if (event.altKey || event.ctrlKey || event.metaKey) return;
            const next = offsetAfterKey(event.key, event.shiftKey, at, viewport());
            if (next === undefined) return;
            event.preventDefault();
            onMove?.(next);
          }}
          onPointerDown={(event) => {
            if (event.button !== 0) return;
            event.currentTarget.setPointerCapture?.(event.pointerId);
            setDrag({ x: event.clientX, y: event.clientY, from: at, at });
          }}
          onPointerMove={(event) => {
            if (!drag) return;
            setDrag({ ...drag, at: clampOffset({ right: drag.from.right - (event.clientX - drag.x), bottom: drag.from.bottom - (event.clientY - drag.y) }, viewport()) });
          }}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <span id={moveHint} class="pl-sr">Arrow keys move the overlay, Shift with an arrow in bigger steps, Home puts it back in the corner.</span>
        <h2 tabIndex={-1} title={withShortcut('Provisioning Lens')} aria-keyshortcuts={shortcut}>Provisioning Lens</h2>
        <button ref={toggleRef} type="button" class="pl-btn-icon" aria-label="Collapse" aria-expanded={true} title="Collapse (Esc)" onClick={toggle}>
          <span aria-hidden="true">▾</span>
        </button>
      </header>
      <div class="pl-overlay-body">{children}</div>
    </aside>
  );
}
