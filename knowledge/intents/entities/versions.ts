// Product versions: "IIS 8.5", "Windows Server 2012 R2", "Server 2019", "Win10", ".NET 4.8", ".NET Framework 4.7.2",
// "ASP.NET Core 6", "net core 3.1". Canonical form: product name, one space, version ("Windows Server 2012 R2").
import type { Candidate } from './scan.js';
import { scan } from './scan.js';

const IIS = /\bIIS\s?(?:v(?:ersion)?\s?)?(?<n>[5-9]|1[0-9])(?:\.(?<m>[0-9]))?(?![0-9.])/gi;
const WINDOWS_SERVER = /\b(?:(?:Windows|Win)\s?(?:Server\s?)?|Server\s?|WS\s?)(?<y>2003|2008|2012|2016|2019|2022|2025)(?<r>\s?R2)?\b/gi;
const WINDOWS_CLIENT = /\b(?:Windows|Win)\s?(?<n>XP|Vista|7|8\.1|8|10|11)\b(?![.][0-9])/gi;
const DOTNET =
  /(?<![A-Za-z0-9])(?<p>ASP\.NET\s?Core|ASP\.NET|\.NET\s?Framework|\.NET\s?Core|\.NET|dotnet|net\s?core|netcore)\s?v?(?<n>[1-9][0-9]?(?:\.[0-9]{1,2}){0,2})(?![0-9])/gi;

function dotnetProduct(p: string): string {
  const k = p.toLowerCase().replace(/\s+/g, '');
  if (k === 'asp.netcore') return 'ASP.NET Core';
  if (k === 'asp.net') return 'ASP.NET';
  if (k === '.netframework') return '.NET Framework';
  if (k === '.netcore' || k === 'netcore') return '.NET Core';
  return '.NET';
}

export function versionCandidates(text: string): Candidate[] {
  return [
    ...scan(text, IIS, 'version', 1, (m) => `IIS ${m.groups?.n}${m.groups?.m !== undefined ? `.${m.groups.m}` : ''}`),
    ...scan(text, WINDOWS_SERVER, 'version', 1, (m) => `Windows Server ${m.groups?.y}${m.groups?.r ? ' R2' : ''}`),
    ...scan(text, WINDOWS_CLIENT, 'version', 1, (m) => `Windows ${m.groups?.n}`),
    ...scan(text, DOTNET, 'version', 1, (m) => `${dotnetProduct(m.groups?.p ?? '')} ${m.groups?.n}`),
  ];
}
