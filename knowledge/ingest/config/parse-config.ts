// parseConfig: web.config, applicationHost.config (IIS or IIS Express), aspnet.config -> config evidence, with
// secrets redacted here (values, excerpts, redactedText) and plaintext credentials reported as a fact.
import type { Evidence } from '../../types.js';
import { IngestError, type ParsedFile } from '../types.js';
import { mergeCounts, redactText } from '../redact/index.js';
import { decodeText, lineIndex, parseUntrustedXml, type XmlElement } from '../xml/index.js';
import { asConfigDocument } from './fragment.js';
import { redactConfigText } from './redact-config-text.js';
import { configRole } from './rules.js';
import { walk } from './walk.js';

export interface ConfigParseOptions {
  maxBytes?: number;
}

/** Parses one configuration file. Throws IngestError (naming the file) when it is not one. */
export function parseConfig(file: string, data: Buffer, opts: ConfigParseOptions = {}): ParsedFile {
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  // A section on its own (appcmd list config, an apppool's /config) is read inside the elements it belongs under.
  const original = data.length <= maxBytes ? decodeText(data) : '';
  const whole = original ? asConfigDocument(original) : '';
  const fragment = whole !== original;
  const doc = parseUntrustedXml(file, fragment ? Buffer.from(whole, 'utf8') : data, { maxBytes });
  const root: XmlElement | undefined = doc.elements.find((e) => e.name === 'configuration');
  if (!root) {
    throw new IngestError(
      file,
      `${file}: not an IIS/ASP.NET configuration file (root element is <${doc.elements[0].name}>, not <configuration>).`,
    );
  }
  const names = new Set(root.children.map((c) => c.name));
  const role = configRole(
    file,
    names.has('system.applicationHost'),
    names.has('runtime') && !names.has('system.web') && !names.has('system.webServer'),
  );
  const evidence: Evidence[] = [];
  walk({ file, role, lineOf: lineIndex(doc.text), out: evidence }, root, '', {});
  // Config-aware pass first (it knows which attributes are secret), then the general rules for anything else.
  const own = redactConfigText(fragment ? original : doc.text);
  const general = redactText(own.text);
  const redactions = mergeCounts(mergeCounts({}, own.counts), general.counts);
  const settings = evidence.filter((e) => e.kind === 'config').length;
  const plaintext = evidence.some((e) => e.key === 'secrets.plaintext-credentials');
  const summary = `Configuration (${role}): ${settings} relevant setting${settings === 1 ? '' : 's'}${plaintext ? ', plaintext credentials present (redacted)' : ''}`;
  return { format: 'config', evidence, summary, redactedText: general.text, redactions };
}
