import type { ComponentChildren } from 'preact';

/** A table of a record (a meeting's, or what is held about a person): its column headings over the rows it is given, each row led by its own heading cell. */
export function RecordTable({ columns, caption, children }: { columns: readonly string[]; caption?: string; children: ComponentChildren }) {
  return (
    <table class="people-table record-table">
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
