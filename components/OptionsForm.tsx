import { useState } from 'preact/hooks';
import { CLOUD_IDS, CLOUDS } from '@/lib/clouds';
import type { Policy } from '@/lib/policy';
import { validateSettings, type Settings, type SettingsErrors } from '@/lib/settings';

export interface OptionsFormProps {
  initial: Settings;
  onSave: (settings: Settings) => Promise<void>;
  /** What the organization's policy sets (lib/policy.ts): shown, read-only. */
  policy?: Policy;
}

const BY_POLICY = 'Set by your organization.';

function Field(props: { id: string; label: string; hint: string; error?: string; locked?: boolean; children: preact.ComponentChildren }) {
  return (
    <div class="pl-field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      <p id={`${props.id}-hint`} class="pl-caption">{props.locked ? `${BY_POLICY} ${props.hint}` : props.hint}</p>
      {props.error && <p id={`${props.id}-error`} class="pl-field-error" role="alert">{props.error}</p>}
    </div>
  );
}

/** The app registration and cloud (RegisterSteps, shown above it, says how to get them). */
export function OptionsForm({ initial, onSave, policy = {} }: OptionsFormProps) {
  const [form, setForm] = useState<Record<string, unknown>>({ ...initial });
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [saved, setSaved] = useState('');
  const set = (key: string) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = validateSettings(form);
    if (!result.ok) {
      setErrors(result.errors);
      setSaved('');
      return;
    }
    setErrors({});
    await onSave(result.settings);
    setForm({ ...result.settings });
    setSaved('Saved. Open a provisioning page or the toolbar popup and sign in.');
  };
  const describedBy = (id: string, error?: string) => (error ? `${id}-hint ${id}-error` : `${id}-hint`);
  const locked = (key: keyof Policy) => policy[key] !== undefined;

  return (
    <form class="pl-stack" onSubmit={submit} noValidate aria-labelledby="settings-heading">
      <h2 id="settings-heading">Then, connect Provisioning Lens to it</h2>
      <Field id="clientId" locked={locked('clientId')} label="Application (client) ID" hint="From your app registration's Overview page." error={errors.clientId}>
        <input id="clientId" disabled={locked('clientId')} class="pl-input pl-mono" value={String(form.clientId ?? '')} onInput={set('clientId')} aria-invalid={!!errors.clientId} aria-describedby={describedBy('clientId', errors.clientId)} autocomplete="off" spellcheck={false} />
      </Field>
      <Field id="tenant" locked={locked('tenant')} label="Directory (tenant) ID" hint='A GUID, a verified domain (contoso.onmicrosoft.com), or "organizations".' error={errors.tenant}>
        <input id="tenant" disabled={locked('tenant')} class="pl-input pl-mono" value={String(form.tenant ?? '')} onInput={set('tenant')} aria-invalid={!!errors.tenant} aria-describedby={describedBy('tenant', errors.tenant)} autocomplete="off" spellcheck={false} />
      </Field>
      <Field id="cloud" locked={locked('cloud')} label="Cloud" hint="The national cloud your tenant lives in; the app must be registered there." error={errors.cloud}>
        <select id="cloud" disabled={locked('cloud')} class="pl-input" value={String(form.cloud)} onChange={set('cloud')} aria-describedby={describedBy('cloud', errors.cloud)}>
          {CLOUD_IDS.map((id) => <option value={id}>{CLOUDS[id].label}</option>)}
        </select>
      </Field>
      <Field id="graphVersion" locked={locked('graphVersion')} label="Graph version" hint="v1.0 unless Microsoft support asks for beta; the synchronization API is the same in both.">
        <select id="graphVersion" disabled={locked('graphVersion')} class="pl-input" value={String(form.graphVersion)} onChange={set('graphVersion')} aria-describedby="graphVersion-hint">
          <option value="v1.0">v1.0</option>
          <option value="beta">beta</option>
        </select>
      </Field>
      <Field id="times" label="Times" hint="How the overlay and the popup show absolute times; relative ones (in 5 h) are the same either way.">
        <select id="times" class="pl-input" value={String(form.times ?? 'local')} onChange={set('times')} aria-describedby="times-hint">
          <option value="local">Local time of this computer</option>
          <option value="utc">UTC</option>
        </select>
      </Field>
      <div class="pl-field">
        <label class="pl-check">
          <input type="checkbox" id="allowJobActions" disabled={locked('allowJobActions')} checked={form.allowJobActions === true} aria-describedby="allowJobActions-hint"
            onChange={(event) => setForm({ ...form, allowJobActions: (event.currentTarget as HTMLInputElement).checked })} />
          Allow job actions
        </label>
        <p id="allowJobActions-hint" class="pl-caption">
          {locked('allowJobActions') && `${BY_POLICY} `}Off by default: the extension only reads. On, the job card offers Restart, Start and Pause, each confirmed by you;
          the first action asks Microsoft for the Synchronization.ReadWrite.All permission.
        </p>
      </div>
      <div class="pl-actions">
        <button type="submit" class="pl-btn pl-btn-primary">Save</button>
        <span role="status" aria-live="polite">{saved}</span>
      </div>
    </form>
  );
}
