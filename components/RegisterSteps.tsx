import type { CloudId } from '@/lib/clouds';
import { CopyButton } from './CopyButton';
import { SetupScripts } from './setup/SetupScripts';

export interface RegisterStepsProps {
  /** identity.getRedirectURL() of this browser: what the admin registers. */
  redirectUri: string;
  copy: (text: string) => Promise<void>;
  /** The cloud the scripts are for (the settings' choice). */
  cloud: CloudId;
  /** The ids read back from a script's output. */
  onIds: (ids: { clientId: string; tenant: string }) => void;
}

/** What to do in Entra ID before the settings form can be filled in: numbered, with the redirect URI to copy. */
export function RegisterSteps({ redirectUri, copy, cloud, onIds }: RegisterStepsProps) {
  return (
    <section class="pl-stack" aria-labelledby="register-heading">
      <h2 id="register-heading">First, register the app in Entra ID</h2>
      <div>
        This browser's redirect URI, registered under <strong>Single-page application</strong>:
        <div class="pl-redirect">
          <code class="pl-mono" id="redirectUri">{redirectUri}</code>
          <CopyButton text={redirectUri} copy={copy} label="Copy" name="Copy redirect URI" />
        </div>
      </div>
      <p>
        Quickest: run one script in Azure Cloud Shell as an admin who may create app registrations and grant consent, then
        paste its last line here.
      </p>
      <SetupScripts redirectUris={[redirectUri]} cloud={cloud} copy={copy} onIds={onIds} />
      <details>
        <summary>Or do it by hand in the Entra admin center</summary>
        <ol class="pl-steps">
          <li>Entra admin center → App registrations → New registration (single tenant is fine).</li>
          <li>
            Authentication → Add a platform → <strong>Single-page application</strong>, with the redirect URI above.
          </li>
          <li>API permissions → Microsoft Graph → Delegated → <strong>Synchronization.Read.All</strong> (and Application.Read.All if you look jobs up by application ID) → Grant admin consent.</li>
          <li>Your account also needs a role that can read provisioning: Application Administrator or Cloud Application Administrator (Hybrid Identity Administrator for Cloud Sync).</li>
          <li>Copy the Application (client) ID and Directory (tenant) ID from the app's Overview page into the form below.</li>
        </ol>
      </details>
    </section>
  );
}
