import { act, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setClockForTests } from '../../src/state/clock';
import { save, saveStatusStore } from '../../src/state/save-status';
import { SaveStatusBar } from '../../src/ui/components/SaveStatusBar';

beforeEach(() => {
  saveStatusStore.setState({ phase: 'idle' }, true);
  setClockForTests(() => new Date(2030, 2, 14, 10, 15).getTime());
});
afterEach(() => {
  setClockForTests(null);
  vi.restoreAllMocks();
});

describe('SaveStatusBar', () => {
  it('says everything is kept on the device before anything is saved', () => {
    render(<SaveStatusBar />);
    expect(screen.getByRole('status').textContent).toBe('Everything is kept on this device');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when a save has reached the device', async () => {
    render(<SaveStatusBar />);
    await act(async () => {
      await save(() => Promise.resolve());
    });
    expect(screen.getByRole('status').textContent).toContain('Saved on this device · 10:15');
  });

  it('alerts that the device is full, and that what was saved before is safe', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<SaveStatusBar />);
    await act(async () => {
      await save(() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')));
    });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/this device is full/);
    expect(alert.textContent).toMatch(/What was saved before is safe\./);
    expect(screen.queryByText(/Saved on this device/)).toBeNull();
  });
});
