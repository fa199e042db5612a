import { useId, useMemo, useState } from 'preact/hooks';
import type { Grant } from '@/lib/auth/grants';
import { CLOUDS, type CloudId } from '@/lib/clouds';
import { azureCliScript, cloudShellUrl, parseScriptOutput, powerShellScript } from '@/lib/setup/scripts';
import { CopyButton } from '../CopyButton';

export interface SetupScriptsProps {
  redirectUris: readonly string[];
  cloud: CloudId;
  copy: (text: string) => Promise<void>;
  /** The ids read from the script's last line, for the settings. */
  onIds: (ids: { clientId: string; tenant: string }) => void;
}

const FEATURES: { grant: Grant; label: string }[] = [
  { grant: 'logs', label: 'Recent failures from the provisioning logs (AuditLog.Read.All, Directory.Read.All)' },
  { grant: 'actions', label: 'Restart, start and pause jobs (Synchronization.ReadWrite.All)' },
  { grant: 'appRead', label: 'Lookups by application ID and the tenant overview (Application.Read.All)' },
];

/** The app registration in one paste: a script for Azure CLI or PowerShell, then its last line back. */
export function SetupScripts({ redirectUris, cloud, copy, onIds }: SetupScriptsProps) {
  const [shell, setShell] = useState<'cli' | 'powershell'>('cli');
  const [grants, setGrants] = useState<Grant[]>([]);
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState('');
  const scriptId = useId();
  const script = useMemo(() => {
    try {
      const input = { redirectUris, grants, cloud };
      return shell === 'cli' ? azureCliScript(input) : powerShellScript(input);
    } catch {
      return null;
    }
  }, [shell, grants, cloud, redirectUris]);
  const toggle = (grant: Grant, on: boolean) => setGrants(on ? [...grants, grant] : grants.filter((g) => g !== grant));
  const useIds = () => {
    const ids = parseScriptOutput(pasted);
    setPasteError(ids ? '' : 'Paste the line that starts with PROVISIONING_LENS clientId=…');
    if (ids) onIds(ids);
  };

  return (
    <div class="pl-stack">
      <fieldset class="pl-stack">
        <legend>Features to set up now (each can also be granted later, when you first use it)</legend>
        <label class="pl-check"><input type="checkbox" checked disabled /> Read provisioning jobs (Synchronization.Read.All, always)</label>
        {FEATURES.map(({ grant, label }) => (
          <label key={grant} class="pl-check">
            <input type="checkbox" checked={grants.includes(grant)} onChange={(event) => toggle(grant, event.currentTarget.checked)} /> {label}
          </label>
        ))}
      </fieldset>
      <div role="group" aria-label="Script for" class="pl-actions">
        <button type="button" class="pl-btn" aria-pressed={shell === 'cli'} onClick={() => setShell('cli')}>Azure CLI</button>
        <button type="button" class="pl-btn" aria-pressed={shell === 'powershell'} onClick={() => setShell('powershell')}>PowerShell</button>
        {script && <CopyButton text={script} copy={copy} label="Copy script" fallbackLabel="Script" />}
        <a href={cloudShellUrl(CLOUDS[cloud].portalHosts[0]!)} target="_blank" rel="noopener noreferrer">Open Azure Cloud Shell</a>
      </div>
      {script ? (
        <pre class="pl-json pl-script" id={scriptId} aria-label={shell === 'cli' ? 'Azure CLI script' : 'PowerShell script'}>{script}</pre>
      ) : (
        <p role="alert">This browser gave no usable redirect URI; follow the manual steps below.</p>
      )}
      <div class="pl-field">
        <label for="scriptOutput">Paste the script's last line</label>
        <div class="pl-actions">
          <input id="scriptOutput" class="pl-input pl-mono" value={pasted} onInput={(event) => setPasted(event.currentTarget.value)}
            placeholder="PROVISIONING_LENS clientId=… tenant=…" autocomplete="off" spellcheck={false} aria-invalid={Boolean(pasteError)} />
          <button type="button" class="pl-btn" onClick={useIds}>Use these IDs</button>
        </div>
        {pasteError && <p class="pl-field-error" role="alert">{pasteError}</p>}
      </div>
    </div>
  );
}
