import { useId } from 'preact/hooks';
import type { RowFilter } from '@/lib/tenant/rows';

export interface TenantFiltersProps {
  filter: RowFilter;
  onChange: (filter: RowFilter) => void;
}

const STATES: { value: RowFilter['state']; label: string }[] = [
  { value: 'all', label: 'All states' },
  { value: 'attention', label: 'Needs attention' },
  { value: 'quarantined', label: 'Quarantined' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'notRun', label: 'Not run' },
  { value: 'notConfigured', label: 'Not configured' },
  { value: 'unknown', label: 'Other' },
];

/** Filter by state and by text (app name, template, reason, ids). */
export function TenantFilters({ filter, onChange }: TenantFiltersProps) {
  const stateId = useId();
  const textId = useId();
  return (
    <div class="pl-tenant-filters">
      <div class="pl-field">
        <label for={stateId}>State</label>
        <select id={stateId} class="pl-input" value={filter.state}
          onChange={(e) => onChange({ ...filter, state: (e.currentTarget as HTMLSelectElement).value as RowFilter['state'] })}>
          {STATES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </div>
      <div class="pl-field">
        <label for={textId}>Filter</label>
        <input id={textId} class="pl-input" type="search" value={filter.text} placeholder="App, template, reason or ID"
          onInput={(e) => onChange({ ...filter, text: (e.currentTarget as HTMLInputElement).value })} />
      </div>
    </div>
  );
}
