import { Component, h, type ComponentType } from 'preact';

function sameProps(before: object, after: object): boolean {
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  const keys = Object.keys(is);
  return keys.length === Object.keys(was).length && keys.every((key) => Object.is(was[key], is[key]));
}

/**
 * Renders `Inner` again only when a prop has changed (compared one by one), as
 * preact/compat's memo does, without the rest of compat; or, given `same`, only
 * when it says the props differ. For the running screen, which re-renders
 * every second to move its clocks.
 */
export function memo<P extends object>(Inner: ComponentType<P>, same: (before: P, after: P) => boolean = sameProps): ComponentType<P> {
  return class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !same(this.props, next);
    }
    override render(props: P) {
      return h(Inner as ComponentType<object>, props);
    }
  };
}
