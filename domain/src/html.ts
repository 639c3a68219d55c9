// Markup for server-rendered pages (the proxy's posters pages, the sandbox's consoles): the `html` template escapes
// every interpolated value, so catalogue text can never become markup; only fragments built by `html` pass as they are.

/** Markup that is already safe: built by `html` (whose interpolations were escaped), or constant markup of our own. */
export class Html {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and for quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  // So that `${condition && html`…`}` leaves nothing when the condition is false.
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/** A template whose values are escaped; arrays of fragments are joined, and null, undefined and false leave nothing. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let markup = strings[0];
  values.forEach((value, index) => {
    markup += render(value) + strings[index + 1];
  });
  return new Html(markup);
}
