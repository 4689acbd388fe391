import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { memo } from '../memo';

export interface Tab {
  key: string;
  title: string;
  content: ComponentChildren;
}

/** Where an arrow key, Home or End moves from tab `index` of `count`, or null for any other key. */
function movedTo(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * A panel's content, not drawn again while its panel is hidden: what the chair cannot see costs
 * nothing when the screen changes (on the running screen, every tap). Chosen again, it is drawn
 * with whatever has changed meanwhile.
 */
const PanelContent = memo(
  ({ children }: { shown: boolean; children: ComponentChildren }) => <>{children}</>,
  (before, after) => !before.shown && !after.shown,
);

/**
 * Tabs as the ARIA authoring practices describe them: one tab in the Tab order, the arrow keys
 * (and Home, End) move between tabs and show each at once. A panel is drawn when first chosen and
 * then stays drawn, hidden when not chosen, so what was typed or opened in one is still there on
 * coming back to it; a hidden panel is not drawn again until it is chosen.
 */
export function Tabs({ id, label, tabs }: { id: string; label: string; tabs: readonly Tab[] }) {
  const [chosen, setChosen] = useState(tabs[0]?.key);
  // A panel is first drawn when first chosen: opening the screen draws only the one in view.
  const [seen, setSeen] = useState<ReadonlySet<string | undefined>>(() => new Set([chosen]));
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const choose = (index: number) => {
    const key = tabs[index]!.key;
    setChosen(key);
    setSeen((before) => (before.has(key) ? before : new Set([...before, key])));
    buttons.current[index]?.focus();
  };
  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} class="tabs__list">
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            ref={(el) => void (buttons.current[index] = el)}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.key}`}
            class="tabs__tab"
            aria-selected={tab.key === chosen}
            aria-controls={`${id}-panel-${tab.key}`}
            tabIndex={tab.key === chosen ? 0 : -1}
            onClick={() => choose(index)}
            onKeyDown={(event) => {
              const to = movedTo(event.key, index, tabs.length);
              if (to === null) return;
              event.preventDefault();
              choose(to);
            }}
          >
            {tab.title}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${id}-panel-${tab.key}`}
          class="tabs__panel"
          aria-labelledby={`${id}-tab-${tab.key}`}
          tabIndex={0}
          hidden={tab.key !== chosen}
        >
          {seen.has(tab.key) ? <PanelContent shown={tab.key === chosen}>{tab.content}</PanelContent> : null}
        </div>
      ))}
    </div>
  );
}
