// Walks a parsed config and emits Evidence for the settings in rules.ts, with the element's line, its path, the
// <location> it sits in, and a redacted start tag as excerpt.
import type { Evidence } from '../../types.js';
import { redactText } from '../redact/index.js';
import type { LineOf, XmlElement } from '../xml/index.js';
import { APPHOST_DEFAULTS, ATTRIBUTE_RULES, PROVIDERS_PATH, type ConfigRole } from './rules.js';
import { judgeAttribute, usesIntegratedSecurity, looksSecretKey } from './secrets.js';

const EXCERPT_CHARS = 300;

interface Context {
  file: string;
  role: ConfigRole;
  lineOf: LineOf;
  out: Evidence[];
  /** Attributes of the server-level (no `<location>`) element of each defaulted path: what a location inherits. */
  serverLevel?: Map<string, Record<string, string>>;
}

interface Scope {
  location?: string;
  overrideMode?: string;
  /** Name of the enclosing collection item (the pool a processModel belongs to). */
  parentName?: string;
}

/** `<tag a="..." />` with every secret replaced, capped. */
export function redactedStartTag(el: XmlElement): string {
  const parts = Object.entries(el.attrs).map(
    ([k, v]) => `${k}="${judgeAttribute(el.name, k, v, el.attrs).value}"`,
  );
  const tag = `<${el.name}${parts.length ? ` ${parts.join(' ')}` : ''}${el.children.length ? '>' : ' />'}`;
  return tag.length > EXCERPT_CHARS ? `${tag.slice(0, EXCERPT_CHARS - 1)}…` : tag;
}

function baseAttrs(ctx: Context, scope: Scope, el: XmlElement): Record<string, string> {
  const a: Record<string, string> = { file: ctx.role };
  if (scope.location !== undefined) a.location = scope.location;
  if (scope.overrideMode) a.overrideMode = scope.overrideMode;
  const name = el.attrs.name ?? scope.parentName;
  if (name !== undefined) a.name = name;
  return a;
}

/** The general rules as a second net: a secret in an attribute the policy does not name (a URL with a key). */
function clean(s: string): string {
  return redactText(s).text;
}

function emit(
  ctx: Context,
  el: XmlElement,
  path: string,
  key: string,
  value: string,
  attrs: Record<string, string>,
  kind: 'config' | 'fact' = 'config',
): void {
  const a: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) a[k] = clean(v);
  const source = { file: ctx.file, path: `configuration/${path}`, line: ctx.lineOf(el.offset) };
  ctx.out.push({ kind, key, value: clean(value), source, excerpt: clean(redactedStartTag(el)), attrs: a });
}

function plaintext(ctx: Context, el: XmlElement, path: string, where: string, scope: Scope): void {
  emit(
    ctx,
    el,
    path,
    'secrets.plaintext-credentials',
    'true',
    { ...baseAttrs(ctx, scope, el), where },
    'fact',
  );
}

function providers(el: XmlElement): string {
  let list: string[] = [];
  for (const c of el.children) {
    if (c.name === 'clear') list = [];
    else if (c.name === 'remove')
      list = list.filter((v) => v.toLowerCase() !== (c.attrs.value ?? '').toLowerCase());
    else if (c.name === 'add' && c.attrs.value) list.push(c.attrs.value);
  }
  return list.join(',');
}

/**
 * The values an element leaves out: a `<location>` inherits the server-level element's, else the schema default.
 * Only where the feature is on (`enabled`, itself inherited, defaults to false): the settings of Windows
 * authentication say nothing about a site that does not use it.
 */
function emitDefaults(ctx: Context, el: XmlElement, path: string, scope: Scope, defaults: Record<string, string>): void {
  const server = scope.location === undefined ? undefined : ctx.serverLevel?.get(path);
  if (scope.location === undefined) (ctx.serverLevel ??= new Map()).set(path, el.attrs);
  const enabled = el.attrs.enabled ?? server?.enabled ?? 'false';
  if (enabled.toLowerCase() !== 'true') return;
  for (const [attr, value] of Object.entries(defaults)) {
    if (el.attrs[attr] !== undefined) continue;
    const inherited = server?.[attr];
    emit(ctx, el, path, `${path}@${attr}`, inherited ?? value, { ...baseAttrs(ctx, scope, el), ...(inherited !== undefined ? { inherited: 'true' } : { default: 'true' }) });
  }
}

function visitElement(ctx: Context, el: XmlElement, path: string, scope: Scope): void {
  const rule = ATTRIBUTE_RULES[path];
  if (rule) {
    for (const attr of rule) {
      const raw = el.attrs[attr];
      if (raw === undefined) continue;
      const v = judgeAttribute(el.name, attr, raw, el.attrs);
      emit(ctx, el, path, `${path}@${attr}`, v.value, baseAttrs(ctx, scope, el));
      if (v.plaintext) plaintext(ctx, el, path, `${path}@${attr}`, scope);
    }
  }
  const defaults = ctx.role === 'applicationHost.config' ? APPHOST_DEFAULTS[path] : undefined;
  if (defaults) emitDefaults(ctx, el, path, scope, defaults);
  if (el.attrs.configProtectionProvider) {
    emit(
      ctx,
      el,
      path,
      `${path}@configProtectionProvider`,
      el.attrs.configProtectionProvider,
      baseAttrs(ctx, scope, el),
    );
  }
  if (path === PROVIDERS_PATH) emit(ctx, el, path, path, providers(el), baseAttrs(ctx, scope, el));
  if (path === 'appSettings/add' && el.attrs.key !== undefined && looksSecretKey(el.attrs.key)) {
    const v = judgeAttribute('add', 'value', el.attrs.value ?? '', el.attrs);
    emit(ctx, el, path, 'appSettings/add@value', v.value, {
      ...baseAttrs(ctx, scope, el),
      key: el.attrs.key,
    });
    if (v.plaintext) plaintext(ctx, el, path, `appSettings/add@value key=${el.attrs.key}`, scope);
  }
  if (path === 'connectionStrings/add' && el.attrs.connectionString !== undefined) {
    const v = judgeAttribute('add', 'connectionString', el.attrs.connectionString, el.attrs);
    emit(ctx, el, path, 'connectionStrings/add@connectionString', v.value, {
      ...baseAttrs(ctx, scope, el),
      integratedSecurity: String(usesIntegratedSecurity(el.attrs.connectionString)),
    });
    if (v.plaintext) plaintext(ctx, el, path, 'connectionStrings/add@connectionString', scope);
  }
}

function visitSections(ctx: Context, el: XmlElement, group: string): void {
  for (const c of el.children) {
    const full = group ? `${group}/${c.attrs.name ?? ''}` : (c.attrs.name ?? '');
    if (c.name === 'sectionGroup') visitSections(ctx, c, full);
    else if (c.name === 'section' && c.attrs.overrideModeDefault !== undefined) {
      ctx.out.push({
        kind: 'config',
        key: 'section@overrideModeDefault',
        value: c.attrs.overrideModeDefault,
        source: { file: ctx.file, path: 'configuration/configSections', line: ctx.lineOf(c.offset) },
        excerpt: redactedStartTag(c),
        attrs: { file: ctx.role, section: full },
      });
    }
  }
}

/** Depth-first walk; `path` is relative to <configuration>, <location> adds scope instead of a path segment. */
export function walk(ctx: Context, el: XmlElement, path: string, scope: Scope): void {
  for (const c of el.children) {
    if (c.name === 'location') {
      walk(ctx, c, path, {
        location: c.attrs.path ?? '',
        overrideMode: c.attrs.overrideMode ?? c.attrs.allowOverride,
      });
      continue;
    }
    if (c.name === 'configSections' && path === '') {
      visitSections(ctx, c, '');
      continue;
    }
    const childPath = path ? `${path}/${c.name}` : c.name;
    visitElement(ctx, c, childPath, scope);
    walk(ctx, c, childPath, { ...scope, parentName: c.attrs.name ?? scope.parentName });
  }
}

export type { Context as WalkContext };
