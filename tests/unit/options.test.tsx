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
    render(<RegisterSteps redirectUri={REDIRECT} copy={copy} />);
    expect(screen.getByRole('heading', { name: 'First, register the app in Entra ID' })).toBeTruthy();
    const steps = screen.getAllByRole('listitem');
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps[0]!.closest('ol')).toBeTruthy();
    expect(steps[1]!.textContent).toContain(REDIRECT);
    fireEvent.click(screen.getByRole('button', { name: 'Copy redirect URI' }));
    expect(copy).toHaveBeenCalledWith(REDIRECT);
    expect(steps.at(-1)!.textContent).toContain('form below');
  });

  it('the form comes after them and saves what validates', async () => {
    const onSave = vi.fn(async () => {});
    const { container } = render(
      <main>
        <RegisterSteps redirectUri={REDIRECT} copy={vi.fn(async () => {})} />
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
