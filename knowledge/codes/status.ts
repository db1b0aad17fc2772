// decodeStatus: IIS "status.substatus" ("401.1", "500.24", "500.19") -> DecodedCode of family "http".
// The canonical form is the evidence value of key http.status (FACTS.md): "401.1", and "500.0" when no substatus.
import type { DecodedCode } from '../types.js';
import { HTTP_REASONS, IIS_STATUS_CODES } from './data/iis-status.js';

const STATUS = /^(?:HTTP\s*(?:error\s*)?)?(\d{3})(?:\.(\d{1,3}))?$/i;
const IIS_SOURCE = 'Source: learn.microsoft.com/troubleshoot/developer/webapps/iis (KB 943891, KB 942055)';

export function decodeStatus(status: string): DecodedCode | null {
  const m = STATUS.exec(status.trim());
  if (!m) return null;
  const code = Number(m[1]);
  if (code < 100 || code > 599) return null;
  const sub = m[2] === undefined ? undefined : Number(m[2]);
  const canonical = `${code}.${sub ?? 0}`;
  const rows = IIS_STATUS_CODES.filter((r) => r.status === code && r.substatus === (sub ?? 0));
  const main = rows.find((r) => r.hresult === undefined) ?? rows[0];
  const reason = HTTP_REASONS.get(code);
  const details: string[] = [];
  let message: string;
  if (sub === undefined) {
    message = reason ?? `HTTP status ${code}`;
    details.push('No substatus given: IIS logs it in sc-substatus and shows it on the detailed error page.');
  } else if (main) {
    message = main.meaning;
    if (main.note) details.push(main.note);
  } else {
    message = `${reason ?? `HTTP status ${code}`} (substatus ${sub} is not in our IIS table)`;
  }
  for (const r of rows) {
    if (r === main) continue;
    const variant = r.hresult ? `With HRESULT 0x${r.hresult.slice(2).toUpperCase()}` : 'Variant';
    details.push(`${variant}: ${r.note}`);
  }
  if (rows.length > 0) details.push(IIS_SOURCE);
  return {
    input: status,
    canonical,
    family: 'http',
    name: sub === undefined ? `HTTP ${code}` : `HTTP ${code}.${sub}`,
    message,
    details,
    equivalents: [],
  };
}
