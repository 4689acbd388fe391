import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { GroundRule } from '../../src/domain/agenda-model';
import { draftRule } from '../../src/domain/ground-rules';
import { RulesInForce } from '../../src/ui/components/RulesInForce';
import { t } from '../../src/ui/strings/all';

const AT = Date.UTC(2030, 2, 14, 10);

function rule(id: string, text: string, order: number, status: GroundRule['status']): GroundRule {
  const base = draftRule(id, 'group-1', text, order, AT);
  return status === 'draft' ? base : { ...base, status, agreedAt: AT, agreedAtMeetingId: null };
}

describe('RulesInForce', () => {
  it('lists only the agreed rules, in the group’s order', () => {
    render(
      <RulesInForce
        rules={[
          rule('c', 'Phones on silent.', 3, 'agreed'),
          rule('a', 'Everyone gets a chance to speak.', 0, 'agreed'),
          rule('b', 'Not agreed yet.', 1, 'draft'),
          rule('d', 'An old rule.', 2, 'retired'),
        ]}
      />,
    );
    const list = screen.getByRole('list');
    expect(list.tagName).toBe('OL');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Everyone gets a chance to speak.',
      'Phones on silent.',
    ]);
    expect(screen.queryByText('Not agreed yet.')).toBeNull();
    expect(screen.queryByText('An old rule.')).toBeNull();
  });

  it('says so when nothing is agreed', () => {
    render(<RulesInForce rules={[rule('b', 'Not agreed yet.', 0, 'draft')]} large />);
    expect(screen.getByText(t.rules.noneAgreed)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('has a large form for reading across a table', () => {
    const { container, rerender } = render(<RulesInForce rules={[rule('a', 'We listen.', 0, 'agreed')]} />);
    expect(container.querySelector('ol')?.classList.contains('rules-in-force--large')).toBe(false);
    rerender(<RulesInForce rules={[rule('a', 'We listen.', 0, 'agreed')]} large />);
    expect(container.querySelector('ol')?.classList.contains('rules-in-force--large')).toBe(true);
    // jsdom applies no styles, so check the style sheet itself: at least 1.6rem, readable across a table.
    const css = readFileSync('src/ui/styles.css', 'utf8');
    const size = /\.rules-in-force--large\s*\{[^}]*font-size:\s*([\d.]+)rem/.exec(css)?.[1];
    expect(Number(size)).toBeGreaterThanOrEqual(1.6);
  });
});
