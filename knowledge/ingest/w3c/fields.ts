// The W3C extended log header: "#Fields:" names the columns of the lines that follow, and may change mid-file.

/** Column positions of one #Fields block, by lower-case field name. */
export class FieldMap {
  readonly names: string[];
  private readonly index = new Map<string, number>();

  constructor(names: string[]) {
    this.names = names;
    names.forEach((n, i) => this.index.set(n.toLowerCase(), i));
  }

  /** Column of a field, or -1 when this block does not log it. */
  col(name: string): number {
    return this.index.get(name) ?? -1;
  }

  static fromHeader(line: string): FieldMap {
    return new FieldMap(line.slice('#Fields:'.length).trim().split(/\s+/).filter(Boolean));
  }
}

/** A field value as written: "-" means empty and "+" stands for a space. */
export function decodeValue(raw: string | undefined): string {
  if (raw === undefined || raw === '-') return '';
  return raw.includes('+') ? raw.replace(/\+/g, ' ') : raw;
}

/** One of "#Software: ...", "#Fields: ...": the directive name, lower-case, or null for data lines. */
export function directive(line: string): string | null {
  if (!line.startsWith('#')) return null;
  const colon = line.indexOf(':');
  return (colon === -1 ? line.slice(1) : line.slice(1, colon)).trim().toLowerCase();
}
