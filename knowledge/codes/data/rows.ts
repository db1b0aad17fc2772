// Row shapes of the code tables. Numbers are the unsigned 32-bit value (or the small Win32 / Kerberos number).

export interface Win32Row {
  code: number;
  name: string;
  message: string;
  source: string;
}

export interface NtStatusRow {
  code: number;
  name: string;
  message: string;
  /** What LsaNtStatusToWinError / RtlNtStatusToDosError returns; absent when it is not one of our Win32 rows. */
  win32?: number;
  source: string;
}

export interface HresultRow {
  code: number;
  name: string;
  message: string;
  source: string;
}

export interface KerberosRow {
  code: number;
  name: string;
  message: string;
  /** Our own note on what it usually means in this product's domain. */
  note?: string;
  source: string;
}

export interface IisStatusRow {
  status: number;
  substatus: number;
  /** For the 500.19 rows that KB 942055 splits by HRESULT. */
  hresult?: string;
  meaning: string;
  note: string;
}

export interface EventRow {
  id: number;
  channel: string;
  source: string;
  name: string;
  message: string;
}
