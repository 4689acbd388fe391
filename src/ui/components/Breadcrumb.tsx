/** The way back to the page this one belongs to (its group or meeting), above the page's title. */
export function Breadcrumb({ href, text }: { href: string; text: string }) {
  return (
    <p class="breadcrumb">
      <a href={href}>{text}</a>
    </p>
  );
}
