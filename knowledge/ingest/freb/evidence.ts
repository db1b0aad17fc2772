// Turns trace facts into Evidence exactly as knowledge/FACTS.md names it. Every string goes through redactText, so
// nothing secret (query strings, header values, YSOD text) reaches a value, an excerpt or an attribute.
import { canonicalCode } from '../../codes/index.js';
import type { Evidence, EvidenceKind } from '../../types.js';
import { redactText } from '../redact/index.js';
import { exceptionType, htmlToText, sqlLoginFailedUser } from './body-text.js';
import type { FrebFacts } from './facts.js';
import { isStaticUrl, urlPath } from './names.js';
import type { FrebEvent } from './read-trace.js';

const BODY_CHARS = 300;
/** An ASP.NET yellow screen (its heading, or the details it prints), not an IIS status page. */
const ASPNET_ERROR_PAGE = /Server Error in '[^']*' Application|Exception Details:|Parser Error Message:/;
const ERROR_PAGE_CHARS = 20_000;
const EXCERPT_CHARS = 300;

function clean(s: string): string {
  return redactText(s).text;
}

function cap(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** ErrorCode (unsigned decimal HRESULT) -> canonical hex via knowledge/codes; null for 0 or junk. */
export function canonicalErrorCode(raw: string): string | null {
  if (!/^-?\d+$|^0x[0-9a-f]+$/i.test(raw)) return null;
  return canonicalCode(raw, 'hresult');
}

/** The Win32 number W3C logs would show for an ErrorCode: the low word of 0x8007xxxx, else the whole value. */
export function win32Of(raw: string): string | undefined {
  const n = Number(raw);
  if (!Number.isFinite(n) || n === 0) return undefined;
  const u = n >>> 0;
  return (u & 0xffff0000) >>> 0 === 0x80070000 ? String(u & 0xffff) : String(u);
}

class EvidenceList {
  readonly items: Evidence[] = [];
  constructor(private readonly file: string) {}

  add(
    kind: EvidenceKind,
    key: string,
    value: string,
    event: FrebEvent | undefined,
    excerpt: string,
    attrs?: Record<string, string>,
  ): void {
    if (value === '') return;
    const ev: Evidence = {
      kind,
      key,
      value: clean(value),
      source: event ? { file: this.file, event: event.index } : { file: this.file },
      excerpt: cap(clean(excerpt), EXCERPT_CHARS),
    };
    if (attrs) {
      const a: Record<string, string> = {};
      for (const [k, v] of Object.entries(attrs))
        if (v !== undefined && v !== '') a[k] = cap(clean(v), EXCERPT_CHARS);
      if (Object.keys(a).length > 0) ev.attrs = a;
    }
    this.items.push(ev);
  }
}

function at(e: FrebEvent): string {
  return `event ${e.index}: ${e.name}`;
}

function rootExcerpt(root: Record<string, string>, status: string): string {
  const who = root.tokenUserName ? `, tokenUserName=${root.tokenUserName}` : '';
  return `failedRequest ${root.verb ?? ''} ${root.url ?? ''} -> ${status}, authenticationType=${root.authenticationType ?? ''}${who}`;
}

function requestEvidence(out: EvidenceList, root: Record<string, string>, f: FrebFacts): void {
  const excerpt = rootExcerpt(root, f.status);
  const start = f.requestStart;
  const url = root.url ?? start?.data.RequestURL ?? '';
  out.add('trace', 'freb.url', url, start, excerpt, { path: urlPath(url) });
  if (url)
    out.add('trace', 'freb.url.static', String(isStaticUrl(urlPath(url).split('?')[0])), start, excerpt);
  out.add('trace', 'freb.verb', root.verb ?? start?.data.RequestVerb ?? '', start, excerpt);
  out.add('trace', 'freb.status', f.status, f.statusEvent, excerpt);
  out.add('trace', 'freb.auth.type', root.authenticationType ?? '', start, excerpt);
  out.add('trace', 'freb.user', root.userName || root.remoteUserName || '', start, excerpt);
  out.add('trace', 'freb.token.user', root.tokenUserName ?? '', start, excerpt);
  out.add('trace', 'freb.apppool', root.appPoolId ?? start?.data.AppPoolId ?? '', start, excerpt);
  // Where the request came from: the loopback check only refuses logons that the server makes to itself.
  const ep = f.endpoint;
  const remote = (ep?.data.RemoteAddress ?? '').trim();
  const local = (ep?.data.LocalAddress ?? '').trim();
  if (remote && local && ep) {
    const fromItself = remote === local || /^(?:127\.|::1$|::ffff:127\.)/.test(remote);
    out.add('trace', 'freb.request.from-server-itself', String(fromItself), ep, `${at(ep)} RemoteAddress=${remote} LocalAddress=${local}`);
  }
}

function errorEvidence(out: EvidenceList, f: FrebFacts): void {
  const seen = new Set<string>();
  for (const err of f.errors) {
    const code = canonicalErrorCode(err.errorCode);
    const excerpt = `${at(err.event)} ${err.module} ${err.status}${code ? ` ErrorCode ${code}` : ''} (${err.notification})`;
    if (err === f.firstError) {
      out.add('trace', 'freb.error.module', err.module, err.event, excerpt);
      out.add('trace', 'freb.error.notification', err.notification, err.event, excerpt);
      if (code) out.add('trace', 'freb.error.code', code, err.event, excerpt);
      out.add('trace', 'freb.config.exception', err.configException, err.event, excerpt);
    }
    if (code && !seen.has(code)) {
      seen.add(code);
      out.add('code', 'code', code, err.event, excerpt, {
        module: err.module,
        status: err.status,
        decimal: err.errorCode,
      });
    }
  }
  const first = f.firstError;
  const win32 = first ? win32Of(first.errorCode) : undefined;
  const statusExcerpt = first
    ? `final status ${f.status}; ${at(first.event)} ${first.module} ${first.status}`
    : `final status ${f.status}`;
  out.add(
    'status',
    'http.status',
    f.status,
    f.statusEvent ?? first?.event,
    statusExcerpt,
    win32 ? { win32 } : undefined,
  );
}

function authEvidence(out: EvidenceList, f: FrebFacts): void {
  const { requested, succeeded, failure } = f.auth;
  if (requested) {
    // FREB names Windows authentication "NT"; the Authorization header says which SSP the client used.
    let type = requested.type;
    const scheme = f.authorization?.scheme ?? '';
    if (type === 'NT' && scheme.startsWith('Negotiate')) type = 'Negotiate';
    else if (type === 'NT' && scheme === 'NTLM') type = 'NTLM';
    out.add(
      'trace',
      'freb.auth.requested',
      type,
      requested.event,
      `${at(requested.event)} RequestAuthType=${requested.type}`,
    );
  }
  if (succeeded) {
    const s = succeeded;
    const excerpt = `${at(s.event)} AuthType=${s.authType} NTLMUsed=${s.ntlmUsed} TokenImpersonationLevel=${s.levelRaw}`;
    out.add('trace', 'freb.auth.ntlmUsed', s.ntlmUsed, s.event, excerpt);
    out.add('trace', 'freb.auth.impersonationLevel', s.level, s.event, excerpt, { raw: s.levelRaw });
  }
  if (failure) {
    const detail = Object.entries(failure.data)
      .filter(([k]) => k !== 'ContextId')
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const excerpt = `${at(failure)}${detail ? ` ${detail}` : ''}`;
    out.add('trace', 'freb.auth.failed-event', failure.name, failure, excerpt);
    const code = canonicalErrorCode((failure.data.ErrorCode ?? failure.data.Status ?? '').trim());
    if (code && !out.items.some((e) => e.kind === 'code' && e.value === code))
      out.add('code', 'code', code, failure, excerpt);
  }
  const last = [succeeded?.event, failure]
    .filter((e): e is FrebEvent => e !== undefined)
    .sort((a, b) => b.index - a.index)[0];
  if (last) out.add('trace', 'freb.auth.succeeded', String(last === succeeded?.event), last, `${at(last)}`);
}

function headerEvidence(out: EvidenceList, f: FrebFacts): void {
  const a = f.authorization;
  if (a) {
    const excerpt =
      a.scheme === 'none'
        ? `${at(a.event)} (no Authorization header)`
        : `${at(a.event)} Authorization: ${a.scheme} token of ${a.bytes} bytes (not kept)`;
    out.add('trace', 'freb.request.authorization', a.scheme, a.event, excerpt);
    if (a.scheme !== 'none')
      out.add('trace', 'freb.request.authorization.bytes', String(a.bytes), a.event, excerpt);
  }
  const w = f.wwwAuthenticate;
  if (w && w.schemes.length > 0) {
    out.add(
      'trace',
      'freb.response.www-authenticate',
      w.schemes.join(','),
      w.event,
      `${at(w.event)} WWW-Authenticate: ${w.schemes.join(', ')}`,
    );
  }
}

function fileAndBodyEvidence(out: EvidenceList, f: FrebFacts): void {
  const fa = f.fileAccess;
  if (fa) {
    const user = fa.data.DomainName ? `${fa.data.DomainName}\\${fa.data.UserName}` : (fa.data.UserName ?? '');
    out.add(
      'trace',
      'freb.file.user',
      user,
      fa,
      `${at(fa)} FileName=${fa.data.FileName ?? ''} UserName=${fa.data.UserName ?? ''} DomainName=${fa.data.DomainName ?? ''}`,
      {
        userName: fa.data.UserName ?? '',
        domainName: fa.data.DomainName ?? '',
        fileName: fa.data.FileName ?? '',
      },
    );
  }
  const body = f.responseBody;
  if (body) {
    const text = htmlToText(body.raw);
    const short = clean(text).slice(0, BODY_CHARS);
    out.add('trace', 'freb.response.body', short, body.event, `${at(body.event)} ${short.slice(0, 160)}`);
    // An ASP.NET error page says in words what went wrong ("Could not create Windows user token from the credentials
    // specified in the config file"): the text signatures read it as they read the same page pasted by a user.
    if (ASPNET_ERROR_PAGE.test(text)) out.add('text', 'text.document', text.slice(0, ERROR_PAGE_CHARS), body.event, `${at(body.event)} the error page`);
    const type = exceptionType(text);
    if (type) out.add('fact', 'text.exception', type, body.event, `${at(body.event)} ${type}`);
    const user = sqlLoginFailedUser(text);
    if (user !== null)
      out.add(
        'fact',
        'text.sql-login-failed-user',
        user,
        body.event,
        `${at(body.event)} Login failed for user '${user}'`,
      );
  }
}

/** Evidence for one trace; `cutAfter` is set when the file ended mid-event and only earlier events were read. */
export function frebEvidence(
  file: string,
  root: Record<string, string>,
  f: FrebFacts,
  cutAfter?: number,
): Evidence[] {
  const out = new EvidenceList(file);
  requestEvidence(out, root, f);
  errorEvidence(out, f);
  authEvidence(out, f);
  headerEvidence(out, f);
  fileAndBodyEvidence(out, f);
  if (f.truncateEvent) {
    out.add(
      'trace',
      'freb.truncated',
      'true',
      f.truncateEvent,
      `${at(f.truncateEvent)} (IIS stopped writing: trace size limit)`,
      { cause: 'LOG_FILE_MAX_SIZE_TRUNCATE' },
    );
  } else if (cutAfter !== undefined) {
    out.add(
      'trace',
      'freb.truncated',
      'true',
      undefined,
      `the file ends in the middle of event ${cutAfter + 1}; events 1-${cutAfter} were read`,
      {
        cause: 'file-cut',
        lastEvent: String(cutAfter),
      },
    );
  }
  return out.items;
}
