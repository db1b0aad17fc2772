// Reports are kept in the bot's own Storage (SQLite by default, PostgreSQL or memory as configured), one item per
// report under "support-report/<id>", so they survive restarts wherever conversation state does.
import type { Storage } from 'botbuilder';
import { isReportId, newReportId } from './report-id.js';
import type { ReportInput, StoredReport } from './report-types.js';
import { trimReport } from './trim-report.js';

export interface ReportStore {
  /** Stores the report and returns its unguessable id. */
  create(report: ReportInput): Promise<string>;
  /** The report, or undefined when the id is unknown, malformed or past retention. */
  get(id: string): Promise<StoredReport | undefined>;
}

export interface ReportStoreOptions {
  /** How long a report stays readable (default 30 days). */
  retentionMs?: number;
  now?: () => Date;
}

const KEY_PREFIX = 'support-report/';
const DAY_MS = 24 * 60 * 60 * 1000;

export class StorageReportStore implements ReportStore {
  private readonly retentionMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly storage: Storage,
    options: ReportStoreOptions = {},
  ) {
    this.retentionMs = options.retentionMs ?? 30 * DAY_MS;
    this.now = options.now ?? (() => new Date());
  }

  async create(report: ReportInput): Promise<string> {
    const id = newReportId();
    // "*" = unconditional write: the id is fresh, there is nothing to conflict with.
    await this.storage.write({ [KEY_PREFIX + id]: { ...trimReport(report, this.now()), eTag: '*' } });
    return id;
  }

  async get(id: string): Promise<StoredReport | undefined> {
    if (!isReportId(id)) return undefined;
    const key = KEY_PREFIX + id;
    const items = await this.storage.read([key]);
    const item = items[key] as (StoredReport & { eTag?: string }) | undefined;
    if (!item) return undefined;
    if (this.now().getTime() - Date.parse(item.createdAt) > this.retentionMs) {
      await this.storage.delete([key]);
      return undefined;
    }
    const { eTag: _eTag, ...report } = item;
    return report;
  }
}
