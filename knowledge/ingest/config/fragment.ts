// Configuration people paste or upload without its <configuration> root: a <system.webServer> section from
// `appcmd list config`, an `appcmd list apppool /config` <add>, or `<identity impersonate="true" />` quoted in a
// chat message. Each is wrapped in the elements it always sits under, so the config reader gives the same keys as
// for a whole web.config.

/** The elements above each element a fragment may start with, outermost first. */
const ANCESTORS: Record<string, string[]> = {
  'system.web': ['configuration'],
  'system.webServer': ['configuration'],
  'system.applicationHost': ['configuration'],
  runtime: ['configuration'],
  location: ['configuration'],
  identity: ['configuration', 'system.web'],
  pages: ['configuration', 'system.web'],
  security: ['configuration', 'system.webServer'],
  validation: ['configuration', 'system.webServer'],
  windowsAuthentication: ['configuration', 'system.webServer', 'security', 'authentication'],
  anonymousAuthentication: ['configuration', 'system.webServer', 'security', 'authentication'],
  basicAuthentication: ['configuration', 'system.webServer', 'security', 'authentication'],
  digestAuthentication: ['configuration', 'system.webServer', 'security', 'authentication'],
  applicationPools: ['configuration', 'system.applicationHost'],
  processModel: ['configuration', 'system.applicationHost', 'applicationPools', 'add'],
  legacyImpersonationPolicy: ['configuration', 'runtime'],
  alwaysFlowImpersonationPolicy: ['configuration', 'runtime'],
};

/** An application pool's <add> start tag: a name and pool settings (as `appcmd list apppool /config` prints it). */
const POOL_ADD = /^<add\b[^>]*\bname\s*=[^>]*\b(managedPipelineMode|managedRuntimeVersion)\s*=/;

/** Elements whose place depends on what they hold. */
function ancestorsOf(name: string, fragment: string): string[] | undefined {
  // system.web's <authentication mode="Windows"> or system.webServer's <authentication><windowsAuthentication ...>.
  if (name === 'authentication') {
    if (/^<authentication\b[^>]*\bmode\s*=/.test(fragment)) return ['configuration', 'system.web'];
    if (/<(windows|anonymous|basic|digest)Authentication\b/.test(fragment)) return ['configuration', 'system.webServer', 'security'];
    return undefined;
  }
  // An application pool as `appcmd list apppool /config` prints it.
  if (name === 'add') return POOL_ADD.test(fragment) ? ['configuration', 'system.applicationHost', 'applicationPools'] : undefined;
  return ANCESTORS[name];
}

const START = /<(configuration|system\.web|system\.webServer|system\.applicationHost|runtime|location|identity|pages|security|validation|authentication|windowsAuthentication|anonymousAuthentication|basicAuthentication|digestAuthentication|applicationPools|processModel|add|legacyImpersonationPolicy|alwaysFlowImpersonationPolicy)(?=[\s/>])/g;

export interface ConfigFragment {
  /** A whole configuration document: the fragment inside its ancestors, all on the fragment's first line. */
  xml: string;
  /** 1-based line of the text where the fragment starts. */
  line: number;
}

/** Longest fragment looked for: a quoted section is a few kilobytes; an unclosed tag must not make every later one scan the rest of a huge text. */
const MAX_FRAGMENT_CHARS = 256 * 1024;
const MAX_FRAGMENTS = 50;
/** Start tags looked at: prose full of unclosed tags is not configuration, and must not cost a scan per tag. */
const MAX_CANDIDATES = 200;

/** The end of the element starting at `start` (after its close tag), or -1 when it is not closed in the text. */
function elementEnd(text: string, start: number, name: string): number {
  const tagEnd = text.indexOf('>', start);
  if (tagEnd < 0 || tagEnd - start > MAX_FRAGMENT_CHARS) return -1;
  if (text[tagEnd - 1] === '/') return tagEnd + 1;
  const open = new RegExp(`<${name.replace(/\./g, '\\.')}(?=[\\s/>])|</${name.replace(/\./g, '\\.')}\\s*>`, 'g');
  open.lastIndex = tagEnd + 1;
  let depth = 1;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    if (m.index - start > MAX_FRAGMENT_CHARS) return -1;
    if (m[0].startsWith('</')) depth--;
    else if (text[text.indexOf('>', m.index) - 1] !== '/') depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/** The configuration fragments in a text, each wrapped into a document; a whole <configuration> is taken as it is. */
export function configFragments(text: string): ConfigFragment[] {
  const out: ConfigFragment[] = [];
  START.lastIndex = 0;
  let candidates = 0;
  for (let m = START.exec(text); m && out.length < MAX_FRAGMENTS && candidates < MAX_CANDIDATES; m = START.exec(text)) {
    const name = m[1];
    // An <add> is an application pool only with a name and pool settings on its start tag (appcmd's /config).
    if (name === 'add' && !POOL_ADD.test(text.slice(m.index, m.index + 2048))) continue;
    candidates++;
    const end = elementEnd(text, m.index, name);
    if (end < 0) continue;
    // Configuration is quoted on lines of its own; a tag inside a sentence ("should I add <identity .../>?",
    // "we removed <identity .../>") is talk about a setting, which the text cues read.
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    if (text.slice(lineStart, m.index).trim() !== '' || text.slice(end, lineEnd < 0 ? text.length : lineEnd).trim() !== '') continue;
    const fragment = text.slice(m.index, end);
    const ancestors = name === 'configuration' ? [] : ancestorsOf(name, fragment);
    if (!ancestors) continue;
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ xml: wrap(fragment, ancestors), line });
    START.lastIndex = end;
  }
  return out;
}

/**
 * True when the whole document is one such element (a section, a pool) and nothing after it but comments: notes
 * that start with `<identity impersonate="true" />` and go on in prose are text, which reads its fragments anyway.
 */
export function isConfigFragmentRoot(name: string, text: string): boolean {
  const start = text.indexOf(`<${name}`);
  if (start < 0) return false;
  const end = elementEnd(text, start, name);
  if (end < 0 || !/^(\s|<!--[\s\S]*?-->)*$/.test(text.slice(end))) return false;
  return ancestorsOf(name, text.slice(start, end)) !== undefined;
}

/** A document whose root is not <configuration> but one of the fragment roots, wrapped; otherwise the text itself. */
export function asConfigDocument(text: string): string {
  const declaration = /^\uFEFF?\s*(<\?xml[^>]*\?>)?(\s*<!--[\s\S]*?-->)*\s*/.exec(text)?.[0] ?? '';
  const root = /^<([\w.]+)/.exec(text.slice(declaration.length))?.[1];
  if (!root || root === 'configuration') return text;
  const ancestors = ancestorsOf(root, text.slice(declaration.length));
  return ancestors ? declaration + wrap(text.slice(declaration.length), ancestors) : text;
}

function wrap(fragment: string, ancestors: string[]): string {
  return `${ancestors.map((a) => `<${a}>`).join('')}${fragment}${[...ancestors].reverse().map((a) => `</${a}>`).join('')}`;
}
