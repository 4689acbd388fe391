import { Component, h, type ComponentType } from 'preact';

/**
 * Renders `Inner` again only when a prop has changed (compared one by one), as
 * preact/compat's memo does, without the rest of compat. For the running
 * screen, which re-renders every second to move its clocks.
 */
export function memo<P extends object>(Inner: ComponentType<P>): ComponentType<P> {
  return class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const before = this.props as Record<string, unknown>;
      const after = next as Record<string, unknown>;
      const keys = Object.keys(after);
      return keys.length !== Object.keys(before).length || keys.some((key) => !Object.is(before[key], after[key]));
    }
    override render(props: P) {
      return h(Inner as ComponentType<object>, props);
    }
  };
}
