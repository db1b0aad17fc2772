// One readable line per event for excerpts and citations ("event 3 (Security 4625): logon type 3 failed for ...").
import type { EventCode } from './event-codes.js';
import type { WinEvent } from './read-events.js';

function user(f: Record<string, string>, name = 'TargetUserName', domain = 'TargetDomainName'): string {
  const u = f[name] ?? '';
  const d = f[domain] ?? '';
  return d && d !== '-' ? `${d}\\${u}` : u;
}

function codeOf(codes: EventCode[], field: string): string {
  return codes.find((c) => c.field === field)?.code ?? (field === 'Status' ? '0x0' : '');
}

function body(ev: WinEvent, codes: EventCode[]): string {
  const f = ev.fields;
  const provider = ev.provider;
  if (/Security-Auditing/i.test(provider) || ev.channel === 'Security') {
    switch (ev.id) {
      case '4624':
        return `logon type ${f.LogonType ?? '?'} succeeded for ${user(f)}, package ${f.AuthenticationPackageName ?? '?'}, LogonProcess ${(f.LogonProcessName ?? '').trim()}, ImpersonationLevel ${f.ImpersonationLevel ?? '-'}`;
      case '4625':
        return `logon type ${f.LogonType ?? '?'} failed for ${user(f)}, Status ${codeOf(codes, 'Status')} SubStatus ${codeOf(codes, 'SubStatus') || '-'}, LogonProcess ${(f.LogonProcessName ?? '').trim()}`;
      case '4648':
        return `explicit credentials of ${user(f)} used by ${user(f, 'SubjectUserName', 'SubjectDomainName')} for ${f.TargetServerName ?? '?'} (${f.ProcessName ?? ''})`;
      case '4768':
        return `Kerberos TGT request for ${user(f)}: ${codeOf(codes, 'Status') === '0x0' ? 'succeeded' : `failed ${codeOf(codes, 'Status')}`}`;
      case '4769':
        return `Kerberos service ticket for ${f.ServiceName ?? '?'} requested by ${f.TargetUserName ?? '?'}: ${codeOf(codes, 'Status') === '0x0' ? 'succeeded' : `failed ${codeOf(codes, 'Status')}`}`;
      case '4771':
        return `Kerberos pre-authentication failed for ${f.TargetUserName ?? '?'}: ${codeOf(codes, 'Status')}`;
      case '4776':
        return `NTLM validation of ${f.TargetUserName ?? '?'} from ${f.Workstation ?? '?'}: Status ${codeOf(codes, 'Status')}`;
    }
  }
  if (/Security-Kerberos|^Kerberos$/i.test(provider) && ev.id === '4') {
    return `KRB_AP_ERR_MODIFIED from server ${f.Server ?? f.Data1 ?? '?'}, target name ${f.Targetname ?? f.TargetName ?? f.Data3 ?? '?'}`;
  }
  if (/Key-Distribution-Center|^KDC$/i.test(provider) && ev.id === '11')
    return `duplicate name ${f.DuplicateName ?? '?'} (${f.NameType ?? ''})`;
  if (/WAS$/i.test(provider)) {
    const pool = f.AppPoolID ?? f.Data1 ?? '?';
    const code = codes.find((c) => c.field === 'Binary')?.code;
    const tail = code ? ` (${code})` : '';
    if (ev.id === '5021') return `identity of application pool ${pool} is invalid${tail}`;
    if (ev.id === '5057') return `application pool ${pool} disabled: its identity is invalid`;
    if (ev.id === '5002') return `application pool ${pool} disabled by rapid-fail protection`;
    if (ev.id === '5059') return `application pool ${pool} disabled: worker process failed to start${tail}`;
  }
  if (/^ASP\.NET/i.test(provider) && f.ExceptionType !== undefined) {
    return `${f.EventCode ?? ''} ${f.ExceptionType}: ${(f.ExceptionMessage ?? '').split('\n')[0]} (user ${f.User || '-'}, thread account ${f.ThreadAccountName ?? f.RequestThreadAccountName ?? '?'}, impersonating ${f.IsImpersonating ?? '?'})`;
  }
  if (/^Application Error$/i.test(provider) && ev.id === '1000' && f.AppName)
    return `${f.AppName} crashed in ${f.ModuleName ?? '?'}, exception ${codeOf(codes, 'ExceptionCode') || f.ExceptionCode || '?'}`;
  if (/^MSSQL/i.test(provider) && ev.id === '18456')
    return `Login failed for user '${f.User ?? ''}'.${f.Reason ?? ''}${f.Client ?? ''}`;
  const text =
    ev.message ||
    Object.entries(f)
      .filter(([k]) => k !== 'Binary')
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
  return `${provider}: ${text}`;
}

/** "event 3 (Security 4625): ..." with whitespace collapsed. */
export function describeEvent(ev: WinEvent, codes: EventCode[]): string {
  const where = ev.channel || ev.provider;
  return `event ${ev.index} (${where ? `${where} ` : ''}${ev.id}): ${body(ev, codes)}`.replace(/\s+/g, ' ').trim();
}
