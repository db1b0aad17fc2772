// Just enough Markdown reading for knowledge-base bodies: "## " sections and numbered lists.

/** Maps each "## Heading" (lower-cased) to its trimmed text. */
export function parseSections(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (current !== null) sections.set(current, lines.join('\n').trim());
  };
  for (const line of body.split(/\r?\n/)) {
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading && !line.startsWith('###')) {
      flush();
      current = heading[1].toLowerCase();
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

/**
 * The items of the first-level numbered list in a section. Continuation lines (indented text, fenced code)
 * stay with their item so a step keeps its command.
 */
export function numberedSteps(section: string): string[] {
  const steps: string[] = [];
  let inFence = false;
  for (const line of section.split(/\r?\n/)) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const item = !inFence && /^(\d+)[.)]\s+(.*)$/.exec(line);
    if (item) {
      steps.push(item[2]);
    } else if (steps.length > 0 && (line.trim() === '' || /^\s+/.test(line) || inFence || /^\s*```/.test(line))) {
      steps[steps.length - 1] += `\n${line.replace(/^ {1,4}/, '')}`;
    }
  }
  return steps.map((s) => s.trim()).filter((s) => s.length > 0);
}
