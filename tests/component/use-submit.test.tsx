import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useSubmit } from '../../src/ui/use-submit';

/** A form as the screens write one: errors only once sent, the button busy while saving. */
function Form({ invalid, work }: { invalid: boolean; work: () => Promise<unknown> }) {
  const form = useSubmit(work, () => invalid);
  return (
    <form onSubmit={form.onSubmit} noValidate>
      {form.submitted && invalid ? <p role="alert">Enter a name</p> : null}
      <button type="submit" disabled={form.busy}>
        Save
      </button>
    </form>
  );
}

describe('useSubmit', () => {
  it('shows errors only once the form is sent, and never saves while it is invalid', async () => {
    let saves = 0;
    render(<Form invalid work={async () => void saves++} />);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.submit(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(saves).toBe(0);
  });

  it('saves once for a double tap, with the button busy until the save ends', async () => {
    let saves = 0;
    let finish: () => void = () => undefined;
    const work = () => {
      saves++;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    render(<Form invalid={false} work={work} />);
    const button = screen.getByRole('button', { name: 'Save' });
    // Both taps land before a render could disable the button.
    fireEvent.submit(button);
    fireEvent.submit(button);
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(true));
    expect(saves).toBe(1);
    finish();
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.submit(button);
    await waitFor(() => expect(saves).toBe(2));
  });
});
