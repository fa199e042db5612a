import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm } from '@/components/OptionsForm';
import { RegisterSteps } from '@/components/RegisterSteps';
import { DEFAULT_SETTINGS } from '@/lib/settings';

afterEach(cleanup);

const REDIRECT = 'https://mofanfafdanblddiihokhplkbibmpdnm.chromiumapp.org/';

describe('options page', () => {
  it('numbers the registration steps, with the redirect URI and its copy button', async () => {
    const copy = vi.fn(async () => {});
    render(<RegisterSteps redirectUri={REDIRECT} copy={copy} cloud="global" onIds={() => {}} />);
    expect(screen.getByRole('heading', { name: 'First, register the app in Entra ID' })).toBeTruthy();
    const steps = screen.getAllByRole('listitem');
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps[0]!.closest('ol')).toBeTruthy();
    expect(steps[1]!.textContent).toContain('redirect URI above');
    expect(document.getElementById('redirectUri')!.textContent).toBe(REDIRECT);
    fireEvent.click(screen.getByRole('button', { name: 'Copy redirect URI' }));
    expect(copy).toHaveBeenCalledWith(REDIRECT);
    expect(steps.at(-1)!.textContent).toContain('form below');
  });

  it('the form comes after them and saves what validates', async () => {
    const onSave = vi.fn(async () => {});
    const { container } = render(
      <main>
        <RegisterSteps redirectUri={REDIRECT} copy={vi.fn(async () => {})} cloud="global" onIds={() => {}} />
        <OptionsForm initial={DEFAULT_SETTINGS} onSave={onSave} />
      </main>,
    );
    const [steps, form] = [container.querySelector('ol')!, container.querySelector('form')!];
    expect(steps.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Then, connect Provisioning Lens to it' })).toBe(form);
    fireEvent.input(screen.getByLabelText('Application (client) ID'), { target: { value: '11111111-2222-4333-8444-555555555555' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, clientId: '11111111-2222-4333-8444-555555555555' }));
    await screen.findByText(/^Saved\./);
  });
});

describe('set-up in one paste', () => {
  const APP = '0d6c3d4e-0000-4000-8000-000000000abc';
  const TENANT = '0efcc5ce-d806-4c95-8b16-a4a486432729';

  it("offers an Azure CLI and a PowerShell script for this browser's redirect URI, with the features chosen, to copy", async () => {
    const copy = vi.fn(async () => {});
    render(<RegisterSteps redirectUri={REDIRECT} copy={copy} cloud="usgov" onIds={() => {}} />);
    const cli = screen.getByLabelText('Azure CLI script');
    expect(cli.textContent).toContain(REDIRECT);
    expect(cli.textContent).toContain('AzureUSGovernment');
    expect(cli.textContent).not.toContain('AuditLog');
    fireEvent.click(screen.getByLabelText(/Recent failures from the provisioning logs/));
    expect(screen.getByLabelText('Azure CLI script').textContent).toContain('e4c9e354-4dc5-45b8-9e7c-e1393b0b1a20=Scope');
    fireEvent.click(screen.getByRole('button', { name: 'PowerShell' }));
    const ps = screen.getByLabelText('PowerShell script');
    expect(ps.textContent).toContain('Connect-MgGraph -Environment USGov');
    fireEvent.click(screen.getByRole('button', { name: 'Copy script' }));
    await waitFor(() => expect(copy).toHaveBeenCalledWith(ps.textContent));
    expect(screen.getByRole('link', { name: 'Open Azure Cloud Shell' }).getAttribute('href')).toBe('https://portal.azure.us/#cloudshell/');
    expect(screen.getByText('Or do it by hand in the Entra admin center').closest('details')).toBeTruthy();
  });

  it("takes the ids from the script's last line, and says what to paste when it is not that line", () => {
    const onIds = vi.fn();
    render(<RegisterSteps redirectUri={REDIRECT} copy={vi.fn(async () => {})} cloud="global" onIds={onIds} />);
    const field = screen.getByLabelText("Paste the script's last line");
    fireEvent.input(field, { target: { value: 'clientId=whatever' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use these IDs' }));
    expect(screen.getByRole('alert').textContent).toContain('PROVISIONING_LENS clientId=');
    expect(onIds).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: `PROVISIONING_LENS clientId=${APP} tenant=${TENANT}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Use these IDs' }));
    expect(onIds).toHaveBeenCalledWith({ clientId: APP, tenant: TENANT });
  });
});
