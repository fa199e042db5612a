/** The Recent failures section's rules, part of the one stylesheet (components/styles.ts). */
export const LOGS_CSS = /* css */ `
.pl-failures { margin-top: 12px; padding-top: 8px; border-top: 1px solid var(--pl-border); }
.pl-failures > * + * { margin-top: 6px; }
.pl-failure-list, .pl-failure-examples { list-style: none; margin: 0; padding: 0; }
.pl-failure { padding: 6px 0 8px; border-bottom: 1px solid var(--pl-border); }
.pl-failure .pl-dl { margin-top: 4px; grid-template-columns: 8.5em minmax(0, 1fr); }
.pl-failure-examples { margin-top: 6px; }
.pl-failure-examples > li { margin-top: 4px; overflow-wrap: anywhere; }
.pl-change { display: block; }
`;
