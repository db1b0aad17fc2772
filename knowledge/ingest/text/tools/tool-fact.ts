// What a reader of a Windows tool's output (whoami, secedit, setspn, klist) states: one fact, cited by its line.

export interface ToolFact {
  key: string;
  value: string;
  /** 1-based line of the text the fact was read from. */
  line: number;
  /** The line (or a short description when the fact is an absence), already redacted. */
  excerpt: string;
  attrs?: Record<string, string>;
}

const EXCERPT_MAX = 200;

export function excerptOf(lineText: string): string {
  const t = lineText.trim().replace(/\s+/g, ' ');
  return t.length > EXCERPT_MAX ? `${t.slice(0, EXCERPT_MAX)}…` : t;
}

/** What one reader found: its facts, and the 1-based lines that are the tool's output rather than anyone's words. */
export interface ToolReading {
  facts: ToolFact[];
  rows: number[];
}
