/**
 * The one stylesheet of every component: adopted inside the overlay's shadow root and linked on the
 * popup and options pages. Fluent tokens from ux-brief.md; hosts put `pl-root` on their container.
 * Text colours on tints are the darker Fluent shades so every pair stays at WCAG AA (4.5:1) or better.
 */
import { LOGS_CSS } from './logs/styles';

export const LENS_CSS = /* css */ `
:root, :host {
  --pl-font: "Segoe UI", system-ui, -apple-system, sans-serif;
  --pl-label-col: 10em;
  --pl-mono: Consolas, "Cascadia Mono", ui-monospace, Menlo, monospace;
  --pl-bg: #ffffff; --pl-bg-subtle: #faf9f8; --pl-bg-hover: #f3f2f1;
  --pl-text: #323130; --pl-text-2: #605e5c; --pl-border: #edebe9; --pl-border-strong: #8a8886;
  --pl-accent: #0078d4; --pl-accent-text: #ffffff; --pl-link: #0067b8;
  --pl-error: #d13438; --pl-error-text: #a4262c; --pl-error-tint: #fde7e9;
  --pl-warning: #ffb900; --pl-warning-text: #8a5d00; --pl-warning-tint: #fff4ce;
  --pl-success: #107c10; --pl-success-text: #0b6a0b; --pl-success-tint: #dff6dd;
  --pl-neutral-tint: #f3f2f1;
  --pl-shadow: 0 6.4px 14.4px rgba(0, 0, 0, 0.13), 0 1.2px 3.6px rgba(0, 0, 0, 0.11);
  --pl-json-key: #881280; --pl-json-string: #a31515; --pl-json-number: #0b6a0b; --pl-json-literal: #0451a5;
}
@media (prefers-color-scheme: dark) {
  :root, :host {
    --pl-bg: #252423; --pl-bg-subtle: #2d2c2b; --pl-bg-hover: #323130;
    --pl-text: #f3f2f1; --pl-text-2: #c8c6c4; --pl-border: #484644; --pl-border-strong: #a19f9d;
    --pl-accent: #6cb8f6; --pl-accent-text: #1b1a19; --pl-link: #6cb8f6;
    --pl-error: #f1707b; --pl-error-text: #f1707b; --pl-error-tint: #3f1f22;
    --pl-warning: #fce100; --pl-warning-text: #fce100; --pl-warning-tint: #3d3300;
    --pl-success: #92c353; --pl-success-text: #92c353; --pl-success-tint: #1f3a1b;
    --pl-neutral-tint: #3b3a39;
    --pl-shadow: 0 6.4px 14.4px rgba(0, 0, 0, 0.5), 0 1.2px 3.6px rgba(0, 0, 0, 0.4);
    --pl-json-key: #d7a0e0; --pl-json-string: #f1a58a; --pl-json-number: #92c353; --pl-json-literal: #6cb8f6;
  }
}
.pl-root { font: 13px/1.45 var(--pl-font); color: var(--pl-text); background: var(--pl-bg); box-sizing: border-box; }
.pl-root *, .pl-root *::before, .pl-root *::after { box-sizing: inherit; }
.pl-root h2, .pl-root h3, .pl-root p, .pl-root dl, .pl-root dd, .pl-root ol, .pl-root ul { margin: 0; }
.pl-root h2 { font-size: 14px; font-weight: 600; }
.pl-root h3 { font-size: 13px; font-weight: 600; margin: 8px 0 2px; }
.pl-root a { color: var(--pl-link); }
.pl-root :focus-visible { outline: 2px solid var(--pl-accent); outline-offset: 2px; border-radius: 2px; }
.pl-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.pl-mono { font-family: var(--pl-mono); font-size: 12px; overflow-wrap: anywhere; }
.pl-caption { font-size: 12px; color: var(--pl-text-2); }
.pl-stack > * + * { margin-top: 8px; }
.pl-wrap { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; }

/* Buttons */
.pl-btn { font: inherit; color: var(--pl-text); background: var(--pl-bg); border: 1px solid var(--pl-border-strong);
  border-radius: 4px; padding: 3px 10px; min-height: 28px; cursor: pointer; }
.pl-btn:hover { background: var(--pl-bg-hover); }
.pl-btn:disabled, .pl-btn[aria-disabled="true"] { cursor: default; opacity: 0.6; }
.pl-btn-primary { background: var(--pl-accent); border-color: var(--pl-accent); color: var(--pl-accent-text); }
.pl-btn-primary:hover { background: var(--pl-accent); filter: brightness(0.92); }
.pl-btn-link { font: inherit; background: none; border: 0; padding: 0; color: var(--pl-link); cursor: pointer; text-decoration: underline; }
.pl-btn-icon { font: inherit; background: none; border: 1px solid transparent; border-radius: 4px; color: var(--pl-text-2);
  min-width: 24px; min-height: 24px; padding: 0 4px; cursor: pointer; }
.pl-btn-icon:hover { background: var(--pl-bg-hover); color: var(--pl-text); }
.pl-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; margin-top: 10px; }
.pl-copy-fallback { display: block; width: 100%; min-height: 4em; max-height: 12em; margin-top: 4px; font-family: var(--pl-mono); font-size: 12px;
  color: var(--pl-text); background: var(--pl-bg-subtle); border: 1px solid var(--pl-border-strong); border-radius: 4px; }

/* State pill */
.pl-pill { display: inline-flex; align-items: center; gap: 4px; padding: 1px 8px; border-radius: 999px; border: 1px solid; font-size: 12px; font-weight: 600; white-space: nowrap; }
.pl-pill-icon { flex: none; }
.pl-tone-error { color: var(--pl-error-text); background: var(--pl-error-tint); border-color: var(--pl-error); }
.pl-tone-warning { color: var(--pl-warning-text); background: var(--pl-warning-tint); border-color: var(--pl-warning); }
.pl-tone-success { color: var(--pl-success-text); background: var(--pl-success-tint); border-color: var(--pl-success); }
.pl-tone-neutral { color: var(--pl-text); background: var(--pl-neutral-tint); border-color: var(--pl-border-strong); }
.pl-text-error { color: var(--pl-error-text); } .pl-text-warning { color: var(--pl-warning-text); } .pl-text-success { color: var(--pl-success-text); }

/* Job card */
.pl-job-head { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }
.pl-quarantine { margin-top: 10px; padding: 8px 10px; border: 1px solid var(--pl-error); border-left-width: 4px; border-radius: 4px; background: var(--pl-error-tint); }
.pl-quarantine ol { padding-left: 20px; }
.pl-quarantine + .pl-dl { margin-top: 12px; }
.pl-dl { display: grid; grid-template-columns: var(--pl-label-col) minmax(0, 1fr); gap: 2px 12px; margin-top: 10px; }
/* One value column for the whole card: the quarantine block's lists sit 14 px in (border + padding). */
.pl-quarantine .pl-dl { grid-template-columns: calc(var(--pl-label-col) - 14px) minmax(0, 1fr); }
.pl-block { display: block; }
.pl-piece { display: inline-block; max-width: 100%; overflow-wrap: anywhere; }
.pl-template { font-weight: 600; overflow-wrap: anywhere; }
.pl-root .pl-app { margin-bottom: 8px; overflow-wrap: anywhere; }
.pl-btn-small { min-height: 24px; padding: 0 8px; font-size: 12px; flex: none; }
.pl-dl dt { color: var(--pl-text-2); }
.pl-dl dd { min-width: 0; overflow-wrap: anywhere; }
.pl-inline-list { list-style: none; padding: 0; }
.pl-picker { display: flex; align-items: center; gap: 6px; margin-bottom: 8px; }
.pl-picker select { flex: 1; min-width: 0; }

/* Error notice */
.pl-error { padding: 8px 10px; border: 1px solid var(--pl-error); border-left-width: 4px; border-radius: 4px; background: var(--pl-error-tint); }
.pl-error-title { color: var(--pl-error-text); font-weight: 600; }
.pl-id { display: flex; align-items: flex-start; gap: 8px; margin-top: 4px; }
.pl-id > .pl-mono { flex: 1 1 auto; min-width: 0; user-select: all; padding-top: 3px; }
.pl-dl .pl-id { margin-top: 0; }

/* Loading skeleton */
.pl-skeleton { display: grid; gap: 8px; }
.pl-skeleton-bar { height: 12px; border-radius: 4px; background: linear-gradient(90deg, var(--pl-neutral-tint) 25%, var(--pl-bg-hover) 50%, var(--pl-neutral-tint) 75%);
  background-size: 200% 100%; animation: pl-shimmer 1.4s ease-in-out infinite; }
.pl-skeleton-bar:nth-of-type(1) { width: 45%; } .pl-skeleton-bar:nth-of-type(2) { width: 90%; height: 48px; }
.pl-skeleton-bar:nth-of-type(3) { width: 75%; } .pl-skeleton-bar:nth-of-type(4) { width: 60%; }
@keyframes pl-shimmer { from { background-position: 200% 0; } to { background-position: -200% 0; } }
@media (prefers-reduced-motion: reduce) { .pl-skeleton-bar { animation: none; } }

/* Raw JSON: classes on text nodes, never markup built from strings */
.pl-json { font-family: var(--pl-mono); font-size: 12px; margin-top: 8px; padding: 6px 8px; max-height: 420px; overflow: auto;
  background: var(--pl-bg-subtle); border: 1px solid var(--pl-border); border-radius: 4px; }
.pl-json ul { list-style: none; margin: 0; padding-left: 16px; }
.pl-json ul.pl-json-root { padding-left: 0; }
.pl-json li { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; }
.pl-json-toggle { font: inherit; background: none; border: 0; padding: 0 2px; color: var(--pl-text-2); cursor: pointer; }
.pl-json-key { color: var(--pl-json-key); }
.pl-json-string { color: var(--pl-json-string); }
.pl-json-number { color: var(--pl-json-number); }
.pl-json-boolean, .pl-json-null { color: var(--pl-json-literal); }
.pl-json-punct, .pl-json-summary, .pl-json-more { color: var(--pl-text-2); }

/* Overlay: docked bottom-right, clear of the portal's top bar and command bar */
.pl-overlay { position: fixed; z-index: 2147483000; width: 360px; max-width: calc(100vw - 16px); max-height: min(640px, calc(100vh - 220px));
  display: flex; flex-direction: column; border: 1px solid var(--pl-border); border-radius: 4px; box-shadow: var(--pl-shadow); }
.pl-overlay-head { display: flex; align-items: center; gap: 6px; padding: 6px 8px; border-bottom: 1px solid var(--pl-border); }
.pl-overlay-head h2 { flex: 1; }
.pl-drag { font: inherit; background: none; border: 1px solid transparent; border-radius: 4px; cursor: grab; touch-action: none; user-select: none;
  color: var(--pl-text-2); padding: 0 4px; min-height: 24px; }
.pl-dragging .pl-drag { cursor: grabbing; }
.pl-overlay-body { padding: 10px 12px 12px; overflow: auto; }
.pl-overlay.pl-collapsed { width: auto; flex-direction: row; align-items: center; gap: 6px; padding: 2px 4px 2px 10px; border-radius: 999px; cursor: pointer; }
.pl-collapsed.pl-tone-error { border-color: var(--pl-error); } .pl-collapsed.pl-tone-warning { border-color: var(--pl-warning); }
.pl-collapsed.pl-tone-success { border-color: var(--pl-success); } .pl-collapsed.pl-tone-neutral { border-color: var(--pl-border-strong); }
.pl-collapsed-state { font-weight: 600; white-space: nowrap; margin-right: 4px; }
.pl-collapsed .pl-btn-icon { color: inherit; }
.pl-job-actions { margin-top: 10px; }
.pl-check { display: flex; gap: 6px; align-items: flex-start; font-weight: 400; }
.pl-check input { margin-top: 3px; }
.pl-block { display: block; }
.pl-choices { border: 0; padding: 0; margin: 8px 0; display: flex; flex-direction: column; gap: 6px; }
.pl-choices legend { font-weight: 600; padding: 0; }
.pl-confirm-twice { padding: 6px 8px; border: 1px solid var(--pl-warning); border-radius: 4px; background: var(--pl-warning-tint); }
.pl-dialog-backdrop { position: fixed; inset: 0; z-index: 2147483001; display: flex; align-items: center; justify-content: center; background: rgba(0,0,0,.4); }
.pl-dialog { background: var(--pl-bg); color: var(--pl-text); border: 1px solid var(--pl-border-strong); border-radius: 4px; box-shadow: 0 8px 24px rgba(0,0,0,.3);
  padding: 16px; width: min(440px, calc(100vw - 24px)); max-height: calc(100vh - 24px); overflow: auto; box-sizing: border-box; }
.pl-dialog h3 { margin: 0 0 8px; font-size: 16px; }
${LOGS_CSS}
`;

/** Forms and whole pages (options, popup): the overlay never uses these. */
export const PAGE_CSS = /* css */ `
body { margin: 0; background: var(--pl-bg); }
.pl-page { padding: 16px 20px; max-width: 720px; }
.pl-page h1 { font-size: 18px; font-weight: 600; margin: 0 0 12px; }
.pl-page main > * + * { margin-top: 24px; }
.pl-page h2 { margin-bottom: 4px; }
/* Popup: 400 px in the toolbar, narrower when the window is (a 320 px window, 200 % zoom): nothing
   wider than the viewport, long ids and names wrap instead of pushing the page sideways. */
.pl-popup { width: 400px; max-width: 100%; min-height: 200px; padding: 12px; overflow-wrap: anywhere; }
.pl-header { margin-bottom: 10px; padding-bottom: 8px; border-bottom: 1px solid var(--pl-border); }
.pl-header-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; }
.pl-header h1 { font-size: 14px; font-weight: 600; margin: 0; flex: 1 1 auto; min-width: 0; }
.pl-header-actions { display: flex; flex-wrap: wrap; gap: 6px 8px; }
.pl-header .pl-btn { white-space: nowrap; }
.pl-who { display: flex; flex-wrap: wrap; gap: 0 12px; margin-top: 4px; font-size: 12px; color: var(--pl-text-2); }
.pl-who-item { min-width: 0; overflow-wrap: anywhere; }
.pl-who-account { color: var(--pl-text); }
/* At 200 % zoom the popup is about 200 CSS px wide: definition lists stack their terms over their values. */
@media (max-width: 280px) {
  .pl-popup .pl-dl { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .pl-popup .pl-dl dd + dt { margin-top: 4px; }
}
.pl-field { display: flex; flex-direction: column; gap: 3px; }
.pl-field label { font-weight: 600; }
.pl-input { font: inherit; color: var(--pl-text); background: var(--pl-bg); border: 1px solid var(--pl-border-strong); border-radius: 4px; padding: 4px 8px; min-height: 30px; }
.pl-input[aria-invalid="true"] { border-color: var(--pl-error); }
.pl-field-error { color: var(--pl-error-text); }
.pl-steps { padding-left: 20px; }
.pl-steps li + li { margin-top: 6px; }
.pl-redirect { display: flex; align-items: center; gap: 8px; margin-top: 4px; flex-wrap: wrap; }
.pl-redirect code { background: var(--pl-bg-subtle); border: 1px solid var(--pl-border); border-radius: 4px; padding: 2px 6px; }
.pl-recent { list-style: none; padding: 0; }
.pl-watched { margin-top: 16px; }
.pl-check { display: flex; gap: 6px; align-items: flex-start; }
.pl-script { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
fieldset.pl-stack { border: 1px solid var(--pl-border); border-radius: 4px; padding: 8px 12px; margin: 0; }
.pl-page > main > section { margin-top: 24px; }
.pl-recent-item { display: flex; flex-direction: column; align-items: flex-start; max-width: 100%; }
.pl-recent-item .pl-caption { text-decoration: none; }
.pl-recent li + li { margin-top: 4px; }
.pl-link-btn { font: inherit; background: none; border: 0; padding: 2px 0; color: var(--pl-link); cursor: pointer; text-align: left; }
.pl-link-btn:hover { text-decoration: underline; }
.pl-table-wrap { overflow-x: auto; }
.pl-history { border-collapse: collapse; font-size: 12px; }
.pl-history th, .pl-history td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--pl-border); }
`;
