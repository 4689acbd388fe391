import type { ComponentChildren } from 'preact';

/** A titled part of a page listing things, one item each, or saying in `empty`'s words that there are none. */
export function ListSection<T>(props: {
  id: string;
  title: string;
  items: readonly T[];
  empty: string;
  listClass?: string;
  /** One item, as a list item (or a component that draws one) with its key. */
  children: (item: T) => ComponentChildren;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.items.length === 0 ? <p class="empty">{props.empty}</p> : <ul class={props.listClass}>{props.items.map((item) => props.children(item))}</ul>}
    </section>
  );
}
