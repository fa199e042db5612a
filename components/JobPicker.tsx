import { useId } from 'preact/hooks';
import type { JobView } from '@/lib/job-view';
import { label } from '@/lib/json-fields';

export interface JobPickerProps {
  views: readonly Pick<JobView, 'jobId' | 'templateId' | 'state'>[];
  /** Index of the job shown. */
  index: number;
  onChange: (index: number) => void;
}

type PickerView = Pick<JobView, 'jobId' | 'templateId' | 'state'>;

/** "Quarantined · scim": state first, so the one that needs attention stands out; the full id is in the card. */
export function jobOptionLabel(view: PickerView): string {
  return [view.state.label, label(view.templateId)].filter(Boolean).join(' · ') || 'Job';
}

/** Each job's option text; jobs that would read the same are numbered ("Active · scim (2)"). */
export function jobOptionLabels(views: readonly PickerView[]): string[] {
  const labels = views.map(jobOptionLabel);
  const total = new Map<string, number>();
  for (const text of labels) total.set(text, (total.get(text) ?? 0) + 1);
  const seen = new Map<string, number>();
  return labels.map((text) => {
    if (total.get(text) === 1) return text;
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return `${text} (${n})`;
  });
}

/** A labelled "Job" select, in the given order; nothing when there is only one job. */
export function JobPicker({ views, index, onChange }: JobPickerProps) {
  const id = useId();
  if (views.length < 2) return null;
  const labels = jobOptionLabels(views);
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
            {labels[i]}
          </option>
        ))}
      </select>
    </div>
  );
}
