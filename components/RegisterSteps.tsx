import { CopyButton } from './CopyButton';

export interface RegisterStepsProps {
  /** identity.getRedirectURL() of this browser: what the admin registers. */
  redirectUri: string;
  copy: (text: string) => Promise<void>;
}

/** What to do in Entra ID before the settings form can be filled in: numbered, with the redirect URI to copy. */
export function RegisterSteps({ redirectUri, copy }: RegisterStepsProps) {
  return (
    <section class="pl-stack" aria-labelledby="register-heading">
      <h2 id="register-heading">First, register the app in Entra ID</h2>
      <ol class="pl-steps">
        <li>Entra admin center → App registrations → New registration (single tenant is fine).</li>
        <li>
          Authentication → Add a platform → <strong>Single-page application</strong>, redirect URI:
          <div class="pl-redirect">
            <code class="pl-mono" id="redirectUri">{redirectUri}</code>
            <CopyButton text={redirectUri} copy={copy} label="Copy" name="Copy redirect URI" />
          </div>
        </li>
        <li>API permissions → Microsoft Graph → Delegated → <strong>Synchronization.Read.All</strong> (and Application.Read.All if you look jobs up by application ID) → Grant admin consent.</li>
        <li>Your account also needs a role that can read provisioning: Application Administrator or Cloud Application Administrator (Hybrid Identity Administrator for Cloud Sync).</li>
        <li>Copy the Application (client) ID and Directory (tenant) ID from the app's Overview page into the form below.</li>
      </ol>
    </section>
  );
}
