// Reads a server-rendered page as a browser parses it, with parse5 (jsdom's HTML parser, a devDependency of its own);
// jsdom itself is not used here because its types bring the DOM library into the server's type check.
import { type DefaultTreeAdapterMap, parse } from 'parse5';

type ParsedNode = DefaultTreeAdapterMap['node'];

export class PageElement {
  constructor(
    readonly tag: string,
    readonly attributes: Readonly<Record<string, string>>,
    readonly children: readonly PageElement[],
    /** Its text content, as `textContent`. */
    readonly text: string,
  ) {}

  attr(name: string): string | null {
    return this.attributes[name] ?? null;
  }

  is(tag: string, className?: string): boolean {
    return this.tag === tag && (className === undefined || (this.attr('class') ?? '').split(/\s+/).includes(className));
  }

  /** Descendants matching, in document order. */
  all(match: (element: PageElement) => boolean): PageElement[] {
    return this.children.flatMap((child) => [...(match(child) ? [child] : []), ...child.all(match)]);
  }

  /** The first descendant matching. */
  find(match: (element: PageElement) => boolean): PageElement | undefined {
    return this.all(match)[0];
  }
}

function convert(node: ParsedNode): PageElement | string | null {
  if (node.nodeName === '#text') return 'value' in node ? node.value : '';
  if (!('tagName' in node)) return null;
  const children: PageElement[] = [];
  let text = '';
  for (const child of node.childNodes) {
    const converted = convert(child);
    if (typeof converted === 'string') text += converted;
    else if (converted) {
      children.push(converted);
      text += converted.text;
    }
  }
  const attributes = Object.fromEntries(node.attrs.map((attribute) => [attribute.name, attribute.value]));
  return new PageElement(node.tagName, attributes, children, text);
}

/** The page's `<html>` element. */
export function parsePage(markup: string): PageElement {
  const root = parse(markup).childNodes.find((node) => 'tagName' in node && node.tagName === 'html');
  const page = root && convert(root);
  if (!(page instanceof PageElement)) throw new Error('no <html> element');
  return page;
}
