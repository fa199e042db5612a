/** The tenant overview page only: a wide table, its tools and the progress block. */
export const TENANT_CSS = /* css */ `
.pl-tenant.pl-page { max-width: none; }
.pl-tenant main > * + * { margin-top: 16px; }
.pl-scan-progress { border: 1px solid var(--pl-border); border-radius: 4px; padding: 10px 12px; }
.pl-scan-bar-row { display: flex; align-items: center; gap: 12px; }
.pl-scan-bar-row progress { flex: 1 1 auto; height: 12px; accent-color: var(--pl-accent); }
.pl-scan-counts { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 8px 0 4px; }
.pl-scan-counts dt { font-size: 12px; color: var(--pl-text-2); }
.pl-scan-counts dd { margin: 0; font-size: 16px; font-weight: 600; font-variant-numeric: tabular-nums; }
.pl-tenant-tools { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 12px; }
.pl-tenant-filters { display: flex; flex-wrap: wrap; gap: 12px; }
.pl-tenant-filters input { min-width: 18em; }
.pl-table-wrap { overflow-x: auto; border: 1px solid var(--pl-border); border-radius: 4px; margin-top: 8px; }
.pl-tenant-table { border-collapse: collapse; width: 100%; font-size: 13px; }
.pl-tenant-table th, .pl-tenant-table td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--pl-border); }
.pl-tenant-table thead th { background: var(--pl-bg-subtle); }
.pl-tenant-table tbody th { font-weight: 400; }
.pl-tenant-table .pl-reason { min-width: 14em; max-width: 32em; }
.pl-sort { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; color: var(--pl-text); cursor: pointer; }
.pl-sort:focus-visible { outline: 2px solid var(--pl-accent); outline-offset: 2px; }
.pl-tenant-job { border: 1px solid var(--pl-border); border-radius: 4px; padding: 12px; max-width: 480px; }
.pl-scan-failures ul { margin: 6px 0 0; padding-left: 20px; }
.pl-tenant-job h2 { flex: 1 1 auto; margin: 0; font-size: 15px; }
`;
