import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Tabs } from '../../src/ui/components/Tabs';

function Screen({ taps }: { taps: number }) {
  return (
    <Tabs
      id="t"
      label="Parts"
      tabs={[
        { key: 'tiles', title: 'Tiles', content: <p>Tiles after {taps} taps</p> },
        { key: 'figures', title: 'Figures', content: <p>Figures after {taps} taps</p> },
      ]}
    />
  );
}

describe('Tabs', () => {
  it('draws a panel when first chosen, then only the chosen one again, and a panel chosen again with what changed meanwhile', () => {
    const { rerender, container } = render(<Screen taps={0} />);
    rerender(<Screen taps={1} />);
    expect(screen.getByText('Tiles after 1 taps')).toBeTruthy();
    expect(container.textContent).not.toContain('Figures after');

    fireEvent.click(screen.getByRole('tab', { name: 'Figures' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Figures after 1 taps');
    fireEvent.click(screen.getByRole('tab', { name: 'Tiles' }));
    rerender(<Screen taps={2} />);
    expect(screen.getByText('Tiles after 2 taps')).toBeTruthy();
    // Hidden, the figures were left as they were last drawn: nobody could see them.
    expect(screen.getByText('Figures after 1 taps', { selector: '[hidden] p' })).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Figures' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Figures after 2 taps');
    rerender(<Screen taps={3} />);
    expect(screen.getByRole('tabpanel').textContent).toBe('Figures after 3 taps');
    expect(screen.getByText('Tiles after 2 taps', { selector: '[hidden] p' })).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Tiles' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Tiles after 3 taps');
  });

  it('moves between tabs with the arrow keys, Home and End, one tab in the Tab order', () => {
    render(<Screen taps={0} />);
    const [tiles, figures] = screen.getAllByRole('tab');
    expect([tiles!.tabIndex, figures!.tabIndex]).toEqual([0, -1]);
    fireEvent.keyDown(tiles!, { key: 'ArrowRight' });
    expect(figures!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(figures);
    fireEvent.keyDown(figures!, { key: 'Home' });
    expect(tiles!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tiles!, { key: 'End' });
    expect(screen.getByRole('tabpanel').textContent).toBe('Figures after 0 taps');
  });
});
