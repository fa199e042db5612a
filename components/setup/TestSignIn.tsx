import { useState } from 'preact/hooks';
import type { SignInTest } from '@/lib/setup/test-sign-in';
import { ErrorNotice } from '../ErrorNotice';

export interface TestSignInProps {
  run: () => Promise<SignInTest>;
}

const WORDS = { ready: 'Ready', needsConsent: 'Needs consent', blocked: 'Blocked' } as const;

/** Signs in (when needed) and says, per feature, whether it is ready, needs consent or is blocked. */
export function TestSignIn({ run }: TestSignInProps) {
  const [result, setResult] = useState<SignInTest | null>(null);
  const [busy, setBusy] = useState(false);
  const test = async () => {
    setBusy(true);
    setResult(await run().catch((error: unknown) => ({ ok: false as const, error: { kind: 'network' as const, title: 'The extension\'s background did not answer.', action: 'Try again.', detail: String(error) } })));
    setBusy(false);
  };
  return (
    <section class="pl-stack" aria-labelledby="test-heading">
      <h2 id="test-heading">Test sign-in</h2>
      <p class="pl-caption">Signs in with the settings above, then checks each feature's permissions without asking for new ones.</p>
      <div class="pl-actions">
        <button type="button" class="pl-btn" onClick={test} aria-disabled={busy} disabled={busy}>{busy ? 'Testing…' : 'Test sign-in'}</button>
      </div>
      {result && !result.ok && <ErrorNotice error={result.error} />}
      {result?.ok && (
        <>
          <p role="status">Signed in as {result.username}.</p>
          <ul class="pl-recent" aria-label="Features">
            {result.features.map((f) => (
              <li key={f.feature}>
                <strong>{f.label}</strong>: {WORDS[f.status]}
                {f.status === 'needsConsent' && (
                  <span class="pl-caption pl-block">
                    Granted when you first use it, or now for everyone by an admin:{' '}
                    <a href={f.consentUrl} target="_blank" rel="noopener noreferrer">admin consent</a>
                  </span>
                )}
                {f.status === 'blocked' && <span class="pl-caption pl-block">{f.error.title} {f.error.action}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
