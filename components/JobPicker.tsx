import { useId } from 'preact/hooks';
import type { JobView } from '@/lib/job-view';
import { label } from '@/lib/json-fields';

export interface JobPickerProps {
  views: readonly Pick<JobView, 'jobId' | 'templateId' | 'state'>[];
  /** Index of the job shown. */
  index: number;
  onChange: (index: number) => void;
}

/** "Quarantined · scim · scim.0a1b…": state first, so the one that needs attention stands out. */
export function jobOptionLabel(view: Pick<JobView, 'jobId' | 'templateId' | 'state'>): string {
  return [view.state.label, view.templateId, label(view.jobId)].filter(Boolean).join(' · ');
}

/** A labelled "Job" select, in the given order; nothing when there is only one job. */
export function JobPicker({ views, index, onChange }: JobPickerProps) {
  const id = useId();
  if (views.length < 2) return null;
  return (
    <div class="pl-picker">
      <label for={id}>Job</label>
      <select
        id={id}
        class="pl-btn"
        value={String(index)}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      >
        {views.map((view, i) => (
          <option key={view.jobId || i} value={String(i)}>
            {jobOptionLabel(view)}
          </option>
        ))}
      </select>
    </div>
  );
}
