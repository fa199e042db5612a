import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Tone } from '@/lib/job-view';

/** Offset of the card's bottom-right corner from the viewport's, in px: stays docked on resize. */
export interface OverlayPosition {
  right: number;
  bottom: number;
}

export interface OverlayProps {
  collapsed: boolean;
  /** Collapse or expand; the host persists the new state. */
  onToggle: () => void;
  position?: OverlayPosition;
  /** Called once, when a drag ends; the host persists it. */
  onMove?: (position: OverlayPosition) => void;
  /** The collapsed pill's text, e.g. "Quarantined · scim". */
  summary: string;
  tone?: Tone;
  children?: ComponentChildren;
}

export const DEFAULT_POSITION: OverlayPosition = { right: 16, bottom: 16 };

interface Drag {
  x: number;
  y: number;
  from: OverlayPosition;
  at: OverlayPosition;
}

/** Keeps a grabbable part of the card on screen. */
function clamp({ right, bottom }: OverlayPosition): OverlayPosition {
  const within = (n: number, max: number) => Math.round(Math.min(Math.max(n, 0), Math.max(max, 0)));
  return { right: within(right, window.innerWidth - 120), bottom: within(bottom, window.innerHeight - 48) };
}

/** The content script's shell: a card docked bottom-right, draggable, collapsible to a state pill. */
export function Overlay({ collapsed, onToggle, position, onMove, summary, tone = 'neutral', children }: OverlayProps) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const at = drag?.at ?? position ?? DEFAULT_POSITION;
  const style = { right: `${at.right}px`, bottom: `${at.bottom}px` };

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
        <span class="pl-collapsed-state">{summary}</span>
        <button ref={toggleRef} type="button" class="pl-btn-icon" aria-label="Expand" aria-expanded={false} title="Expand">
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
        <span
          class="pl-drag"
          aria-hidden="true"
          title="Drag to move"
          onPointerDown={(event) => {
            if (event.button !== 0) return;
            event.currentTarget.setPointerCapture?.(event.pointerId);
            setDrag({ x: event.clientX, y: event.clientY, from: at, at });
          }}
          onPointerMove={(event) => {
            if (!drag) return;
            setDrag({ ...drag, at: clamp({ right: drag.from.right - (event.clientX - drag.x), bottom: drag.from.bottom - (event.clientY - drag.y) }) });
          }}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
        >
          ⠿
        </span>
        <h2>Provisioning Lens</h2>
        <button ref={toggleRef} type="button" class="pl-btn-icon" aria-label="Collapse" aria-expanded={true} title="Collapse (Esc)" onClick={toggle}>
          <span aria-hidden="true">▾</span>
        </button>
      </header>
      <div class="pl-overlay-body">{children}</div>
    </aside>
  );
}
