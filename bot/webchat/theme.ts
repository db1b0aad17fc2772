// Chat page theming: defaults from the configuration, overridable per embed through the query string
// (?accent=%230f6cbd&theme=dark&title=Help). Every value is validated here, so nothing else needs to trust it.

export interface ChatTheme {
  title: string;
  /** CSS hex colour for buttons, links and the user's bubbles. */
  accent: string;
  mode: 'light' | 'dark';
  /** True inside another site's iframe: no page header, the chat fills the frame. */
  embed: boolean;
}

export interface ThemeDefaults {
  title?: string;
  accent?: string;
  mode?: 'light' | 'dark';
}

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const MAX_TITLE = 80;

export const DEFAULT_THEME: ChatTheme = {
  title: 'IIS identity support',
  accent: '#0f6cbd',
  mode: 'light',
  embed: false,
};

export function isHexColour(value: string): boolean {
  return HEX_COLOUR.test(value);
}

function cleanTitle(value: string): string {
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f]/g;
  return value.replace(controls, ' ').trim().slice(0, MAX_TITLE);
}

export function resolveTheme(query: URLSearchParams, defaults: ThemeDefaults = {}): ChatTheme {
  const base: ChatTheme = {
    title: cleanTitle(defaults.title ?? '') || DEFAULT_THEME.title,
    accent: defaults.accent && isHexColour(defaults.accent) ? defaults.accent : DEFAULT_THEME.accent,
    mode: defaults.mode ?? DEFAULT_THEME.mode,
    embed: false,
  };
  const accent = query.get('accent') ?? '';
  const mode = query.get('theme');
  const title = cleanTitle(query.get('title') ?? '');
  return {
    title: title || base.title,
    accent: isHexColour(accent) ? accent : base.accent,
    mode: mode === 'dark' || mode === 'light' ? mode : base.mode,
    embed: query.get('embed') === '1' || query.get('embed') === 'true',
  };
}
