// Events shared as text rather than XML, the way people usually copy them: Event Viewer's "Copy details as text"
// and `wevtutil qe /f:text` (Log Name:, Source:, Event ID:, Description:), PowerShell's `Get-WinEvent` /
// `Get-EventLog | Format-List` (ProviderName : ..., Id : ..., Message : ...) and Event Viewer's "Save All Events As"
// CSV or tab-separated text, and a Security description pasted alone ("An account failed to log on." ...). Each becomes a WinEvent like the XML reader's, with the fields the description prints
// ("Logon Type: 3", "Sub Status: 0xC0000064") under their EventData names, so the same signatures apply.
import { parseUntrustedXmlText } from '../xml/index.js';
import { readEvents, type WinEvent } from './read-events.js';

/** An event read from text, and the 1-based line it starts on. */
export interface TextEvent {
  event: WinEvent;
  line: number;
  /** 1-based lines of the description's "Label: value" rows: the event's own fields (a Logon ID is not an error code). */
  fieldLines: number[];
}

/** Quick check, so ordinary messages skip the reader. */
export function mayHoldEventText(text: string): boolean {
  // [ \t]*, not \s*: with the m flag \s* runs across newlines, which made a text of blank lines quadratic.
  return /^[ \t]*(Event ID:|Id[ \t]+:[ \t]*\d|EventID[ \t]+:[ \t]*\d|InstanceId[ \t]+:[ \t]*\d)|^(Level|Keywords)[,\t]Date and Time[,\t]Source[,\t]Event ID|^TimeCreated[ \t]+Id[ \t]+LevelDisplayName[ \t]+Message/im.test(text) || FIRST_SENTENCE.test(text);
}

/** The first sentence of each Security event this domain reads: a description pasted without its header names its event. */
const EVENT_OF_SENTENCE: [RegExp, string, string?, string?][] = [
  [/^An account failed to log on\.$/i, '4625'],
  [/^An account was successfully logged on\.$/i, '4624'],
  [/^A logon was attempted using explicit credentials\.$/i, '4648'],
  [/^A Kerberos authentication ticket \(TGT\) was requested\.$/i, '4768'],
  [/^A Kerberos service ticket was requested\.$/i, '4769'],
  [/^Kerberos pre-authentication failed\.$/i, '4771'],
  [/^The (computer|domain controller) attempted to validate the credentials for an account\.$/i, '4776'],
  [/^A user right was assigned\.$/i, '4704'],
  [/^A user right was removed\.$/i, '4705'],
  [/^A user account was locked out\.$/i, '4740'],
  // The client's System log: the KDC's error for a ticket it asked for, with the server name it asked for.
  [/^A Kerberos error message was received:?$/i, '3', 'Microsoft-Windows-Security-Kerberos', 'System'],
];
const FIRST_SENTENCE = /^[ \t]*(An account failed to log on|An account was successfully logged on|A logon was attempted using explicit credentials|A Kerberos (authentication|service) ticket|Kerberos pre-authentication failed|The (computer|domain controller) attempted to validate|A user right was (assigned|removed)|A user account was locked out|A Kerberos error message was received)\b/im;
const DESCRIPTION_LINES = 80;

/** Security descriptions pasted on their own ("An account failed to log on." and its fields). */
function descriptionOnlyEvents(lines: string[]): TextEvent[] {
  const out: TextEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    const sentence = EVENT_OF_SENTENCE.find(([re]) => re.test(lines[i].trim()));
    if (!sentence) continue;
    const [, id, provider = 'Microsoft-Windows-Security-Auditing', channel = 'Security'] = sentence;
    let j = i + 1;
    while (j < lines.length && j - i < DESCRIPTION_LINES && !EVENT_OF_SENTENCE.some(([re]) => re.test(lines[j].trim()))) j++;
    out.push({ line: i + 1, ...winEvent(id, provider, channel, '', '', '', lines.slice(i, j).join('\n'), i + 1) });
    i = j - 1;
  }
  return out;
}

export function readEventText(text: string): TextEvent[] {
  const lines = text.split(/\r?\n/);
  const table = delimitedEvents(text);
  if (table.length > 0) return table;
  const found = [...labelledEvents(lines), ...formatListEvents(lines), ...tableEvents(lines)];
  const events = found.length > 0 ? found : descriptionOnlyEvents(lines);
  return events.sort((a, b) => a.line - b.line).map((e, i) => ({ ...e, event: { ...e.event, index: i + 1 } }));
}

// --- "Log Name: / Source: / Event ID: / Description:" blocks (Event Viewer's copy as text, wevtutil /f:text) ---

const LABEL_LINE = /^[ \t]*(Log Name|Source|Date|Event ID|Task Category|Task|Level|Opcode|Keywords?|User|User Name|Computer|Description)[ \t]*:(.*)$/i;
const BLOCK_START = /^\s*(Log Name\s*:|Event\[\d+\]\s*:)/i;

function labelledEvents(lines: string[]): TextEvent[] {
  const out: TextEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!BLOCK_START.test(lines[i])) continue;
    const start = i;
    const head: Record<string, string> = {};
    let j = /^\s*Event\[\d+\]/i.test(lines[i]) ? i + 1 : i;
    for (; j < lines.length; j++) {
      const m = LABEL_LINE.exec(lines[j]);
      if (!m) break;
      head[m[1].toLowerCase()] = m[2].trim();
      if (/^description$/i.test(m[1])) {
        j++;
        break;
      }
    }
    if (!head['event id'] || !/^\d{1,5}$/.test(head['event id'])) continue;
    const description: string[] = head.description ? [head.description] : [];
    // The description starts on the "Description:" line when it has text there, else on the next line.
    const descriptionLine = head.description ? j : j + 1;
    for (; j < lines.length && !BLOCK_START.test(lines[j]) && !/^\s*Event Xml\s*:/i.test(lines[j]); j++) description.push(lines[j]);
    const read = winEvent(head['event id'], head.source ?? '', head['log name'] ?? '', head.level ?? '', head.computer ?? '', head.date ?? '', description.join('\n'), descriptionLine);
    // Event Viewer appends the event's XML: the exact fields (and WAS's error number in <Binary>) the description
    // only words; its Logon IDs and GUIDs are not error codes.
    const xmlStart = j;
    if (j < lines.length && /^\s*Event Xml\s*:/i.test(lines[j])) {
      for (; j < lines.length && !BLOCK_START.test(lines[j]); j++) {
        read.fieldLines.push(j + 1);
        if (/<\/Event>\s*$/.test(lines[j])) {
          j++;
          break;
        }
      }
      Object.assign(read.event.fields, xmlFields(lines.slice(xmlStart + 1, j).join('\n')));
    }
    out.push({ line: start + 1, ...read });
    i = j - 1;
  }
  return out;
}

/** The EventData of the <Event> Event Viewer appends to its copy; nothing when it is missing or not well-formed. */
function xmlFields(xml: string): Record<string, string> {
  if (!/<Event[\s>]/.test(xml)) return {};
  try {
    return readEvents('Event Xml', parseUntrustedXmlText('Event Xml', `<Events>${xml.trim()}</Events>`).elements)[0]?.fields ?? {};
  } catch {
    return {};
  }
}

// --- PowerShell Format-List: "ProviderName : X", "Id : 4625", "Message : ..." (continuation lines indented) ---

const LIST_LINE = /^(\w+)[ \t]*:[ \t]?(.*)$/;
/** The properties that start an event record of Get-WinEvent / Get-EventLog (`| fl *` prints many more). */
const LIST_FIRST = /^(TimeCreated|ProviderName|Id|EventID|InstanceId|Index|Message|LogName|Source|EntryType|TimeGenerated|Version|Qualifiers|Level|Task|Opcode|Keywords|RecordId|ProviderId|ProcessId|ThreadId|MachineName|UserId|ContainerLog|LevelDisplayName)$/;

function formatListEvents(lines: string[]): TextEvent[] {
  const out: TextEvent[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = LIST_LINE.exec(lines[i]);
    if (!first || !LIST_FIRST.test(first[1])) {
      i++;
      continue;
    }
    const start = i;
    const values: Record<string, string> = {};
    let messageIndent = 0;
    let messageLine = 0;
    let key = '';
    for (; i < lines.length; i++) {
      const m = LIST_LINE.exec(lines[i]);
      if (m) {
        if (m[1] in values) break; // the next event's first property
        key = m[1];
        values[key] = m[2];
        if (key === 'Message') {
          messageIndent = lines[i].indexOf(':') + 2;
          messageLine = i + 1;
        }
        continue;
      }
      // A property's value goes on in lines indented past the names (the message's blank lines too).
      if ((lines[i].trim() === '' && key === 'Message') || /^\s/.test(lines[i])) {
        if (key === 'Message') values.Message += `\n${lines[i].slice(Math.min(messageIndent, lines[i].length - lines[i].trimStart().length))}`;
        continue;
      }
      break;
    }
    if (i === start) i++;
    const id = (values.Id ?? values.EventID ?? values.InstanceId ?? '').trim();
    // An event has an id and says what it is (a message, or where it was logged): `Get-Process | fl` has an Id too.
    const described = values.Message !== undefined || values.ProviderName !== undefined || values.LogName !== undefined || (values.Source !== undefined && values.EntryType !== undefined);
    if (!/^\d{1,5}$/.test(id) || !described) continue;
    out.push({
      line: start + 1,
      ...winEvent(id, values.ProviderName ?? values.Source ?? '', values.LogName ?? '', values.LevelDisplayName ?? values.EntryType ?? '', values.MachineName ?? '', values.TimeCreated ?? values.TimeGenerated ?? '', values.Message ?? '', messageLine || start + 1),
    });
  }
  return out;
}

// --- Get-WinEvent's default table: "ProviderName: X" groups of "TimeCreated  Id LevelDisplayName Message" rows ---

const TABLE_HEADER = /^TimeCreated[ \t]+Id[ \t]+LevelDisplayName[ \t]+Message[ \t]*$/;
const TABLE_ROW = /^(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)\s+(\d{1,5})\s+(\S+)\s+(.*)$/i;

/** Rows of the table view; their messages are cut at the console width, but the id and provider are whole. */
function tableEvents(lines: string[]): TextEvent[] {
  const out: TextEvent[] = [];
  let provider = '';
  let inTable = false;
  lines.forEach((text, i) => {
    const group = /^[ \t]*ProviderName:[ \t]*(\S.*)$/.exec(text);
    if (group) {
      provider = group[1].trim();
      inTable = false;
      return;
    }
    if (TABLE_HEADER.test(text)) {
      inTable = true;
      return;
    }
    const row = inTable ? TABLE_ROW.exec(text) : null;
    if (row) out.push({ line: i + 1, ...winEvent(row[2], provider, '', row[3], '', row[1], row[4].replace(/\.\.\.$|…$/, ''), i + 1) });
  });
  return out;
}

// --- Event Viewer "Save All Events As": CSV or tab-separated, header "Level,Date and Time,Source,Event ID,..." ---

function delimitedEvents(text: string): TextEvent[] {
  const header = /^(?:\uFEFF)?(Level|Keywords)([,\t])Date and Time\2Source\2Event ID\2Task Category.*$/im.exec(text);
  if (!header) return [];
  const sep = header[2];
  const body = text.slice(header.index + header[0].length).replace(/^\r?\n/, '');
  const firstLine = text.slice(0, header.index).split(/\r?\n/).length + 1;
  const out: TextEvent[] = [];
  for (const { cells, line } of delimitedRows(body, sep, firstLine)) {
    // Level, Date and Time, Source, Event ID, Task Category, then the message in the last column.
    const [level = '', date = '', source = '', id = '', , ...rest] = cells;
    if (!/^\d{1,5}$/.test(id.trim())) continue;
    out.push({ line, ...winEvent(id.trim(), source, '', level, '', date, rest.join(sep), line) });
  }
  return out.map((e, i) => ({ ...e, event: { ...e.event, index: i + 1 } }));
}

/** RFC 4180 rows: quoted cells may hold the separator, newlines and "" for a quote. */
function* delimitedRows(text: string, sep: string, firstLine: number): Generator<{ cells: string[]; line: number }> {
  let line = firstLine;
  let rowLine = line;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c !== '')) yield { cells, line: rowLine };
      line++;
      rowLine = line;
      cells = [];
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c !== '')) yield { cells, line: rowLine };
}

// --- the description's "Label: value" lines as EventData fields ---

/** Description labels -> EventData names (Security auditing prints "Account Name" under several headings). */
const FIELD_OF_LABEL: Record<string, string> = {
  'logon type': 'LogonType',
  status: 'Status',
  'sub status': 'SubStatus',
  'failure code': 'Status',
  'result code': 'Status',
  'failure reason': 'FailureReason',
  'caller process name': 'ProcessName',
  'process name': 'ProcessName',
  'source network address': 'IpAddress',
  'client address': 'IpAddress',
  'source port': 'IpPort',
  'workstation name': 'WorkstationName',
  'logon process': 'LogonProcessName',
  'authentication package': 'AuthenticationPackageName',
  'package name (ntlm only)': 'LmPackageName',
  'impersonation level': 'ImpersonationLevel',
  'service name': 'ServiceName',
  'ticket encryption type': 'TicketEncryptionType',
  'ticket options': 'TicketOptions',
  'pre-authentication type': 'PreAuthType',
  'user right': 'PrivilegeList',
  privileges: 'PrivilegeList',
  'target server name': 'TargetServerName',
  'error code': 'ErrorCode',
  'server name': 'ServerName',
  'target name': 'TargetName',
  // ASP.NET health-monitoring events (1309): the request thread's identity and the exception.
  'thread account name': 'ThreadAccountName',
  'is impersonating': 'IsImpersonating',
  'exception type': 'ExceptionType',
  'exception message': 'ExceptionMessage',
};

/** Other labels Windows prints in these descriptions: identifiers and numbers, not error codes. */
const OTHER_EVENT_LABELS = new Set([
  'security id', 'logon id', 'linked logon id', 'logon guid', 'caller process id', 'process id', 'new process id', 'key length',
  'transited services', 'network account name', 'network account domain', 'restricted admin mode', 'virtual account',
  'elevated token', 'service id', 'client port', 'ticket options', 'client time', 'server time', 'extended error',
  'client realm', 'server realm', 'client name', 'file', 'line', 'error text', 'additional information', 'certificate issuer name',
  'certificate serial number', 'certificate thumbprint', 'network address', 'port', 'user id', 'account', 'target server info',
]);

/** The heading a Security description puts account fields under, to tell the subject from the target. */
const TARGET_HEADINGS = /^(Account For Which Logon Failed|New Logon|Account Information|Target Account|Account That Was Locked Out|Logon Information|Account Whose Credentials Were Used)$/i;

function descriptionFields(description: string): { fields: Record<string, string>; rows: number[] } {
  const fields: Record<string, string> = {};
  const rows: number[] = [];
  let target = false;
  const lines = description.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const t = lines[index].trim();
    const heading = /^([A-Z][\w ()-]*):$/.exec(t);
    if (heading) {
      target = TARGET_HEADINGS.test(heading[1]);
      continue;
    }
    const m = /^([A-Za-z][\w ()-]*):[ \t]+(.*)$/.exec(t);
    if (!m) continue;
    const label = m[1].trim().toLowerCase();
    const value = m[2].trim();
    const name =
      label === 'account name' ? (target ? 'TargetUserName' : 'SubjectUserName') : label === 'account domain' ? (target ? 'TargetDomainName' : 'SubjectDomainName') : FIELD_OF_LABEL[label];
    // Only the event's own labels are its fields; "Error: 0x80070542" a user wrote below it stays their words.
    if (!name && !OTHER_EVENT_LABELS.has(label)) continue;
    rows.push(index);
    if (name && !(name in fields)) fields[name] = value;
  }
  return { fields, rows };
}

interface Read {
  event: WinEvent;
  fieldLines: number[];
}

/** @param messageLine the 1-based line of the text the message's first line is on */
function winEvent(id: string, provider: string, channel: string, level: string, computer: string, time: string, message: string, messageLine: number): Read {
  const { fields, rows } = descriptionFields(message);
  // WAS names the pool in its sentence ("The identity of application pool X is invalid").
  // Unquoted names may hold spaces and dots (".NET v4.5 Portal"): the name runs up to the verb.
  const pool = /\bapplication pool '([^']+)'|\bapplication pool (.+?) (?:is|has|was|had|could|cannot)\b/i.exec(message);
  if (/WAS$/i.test(provider) && pool) fields.AppPoolID = pool[1] ?? pool[2];
  // Kerberos client event 4 names the server account and the SPN only in its sentence.
  if (/Security-Kerberos|^Kerberos$/i.test(provider.trim()) && id === '4') {
    const server = /\bfrom the server (\S+?)\.?(?:\s|$)/i.exec(message);
    const target = /\btarget name used was (\S+?)\.?(?:\s|$)/i.exec(message);
    if (server) fields.Server = server[1];
    if (target) fields.TargetName = target[1];
  }
  return {
    event: { index: 0, id, provider: provider.trim(), channel: channel.trim(), level: level.trim(), computer: computer.trim(), time: time.trim(), fields, message },
    fieldLines: rows.map((r) => messageLine + r),
  };
}
