/** Collects positional parameters while a query is assembled: `add` returns the placeholder, cast to its type. */
export class SqlParams {
  private readonly list: unknown[] = [];

  add(value: string | number | boolean): string {
    this.list.push(value);
    const type = typeof value === 'number' ? 'int' : typeof value === 'boolean' ? 'boolean' : 'text';
    return `$${this.list.length}::${type}`;
  }

  values(): unknown[] {
    return [...this.list];
  }
}
