// Reports are kept in the bot's own Storage (SQLite by default, PostgreSQL or memory as configured), one item per
// report under "support-report/<id>", so they survive restarts wherever conversation state does. The
// knowledge-base text of each cause shown is stored once, under its content key (report-content.ts), in the same
// write as the first report that needs it. A case's own link is a pointer to the conversation state that holds the
// case (live-report.ts): its page is drawn when it is opened, and frozen into a stored report when the case is replaced.
import type { Storage, StoreItems } from 'botbuilder';
import { isReportId, newReportId } from './report-id.js';
import { isStoredHypothesis, resolvedHypothesis, storedHypothesis } from './report-content.js';
import type { LiveReportCase, LiveReportPointer, PersistedReport, ReportInput, StoredReport } from './report-types.js';
import { trimReport } from './trim-report.js';

export interface ReportStore {
  /** Stores the report and returns its unguessable id. */
  create(report: ReportInput): Promise<string>;
  /** A report that follows a case: returns the id of a pointer to the conversation state kept under `stateKey`. */
  createLive(stateKey: string): Promise<string>;
  /**
   * Stores `report` under an existing id (a live report frozen as its case is replaced), dated `createdAt` (default
   * now) for its retention: a report already past retention is removed instead.
   */
  freeze(id: string, report: ReportInput, createdAt?: Date): Promise<void>;
  /** Removes a report, so its link answers "not found". */
  retire(id: string): Promise<void>;
  /** The report, or undefined when the id is unknown, malformed or past retention. */
  get(id: string): Promise<StoredReport | undefined>;
}

export interface ReportStoreOptions {
  /** How long a report stays readable (default 30 days). */
  retentionMs?: number;
  now?: () => Date;
  /** Reads a live report's case from conversation state; undefined when that case is gone or was replaced. */
  readLive?: (stateKey: string, id: string) => Promise<LiveReportCase | undefined>;
}

const KEY_PREFIX = 'support-report/';
const DAY_MS = 24 * 60 * 60 * 1000;

export class StorageReportStore implements ReportStore {
  private readonly retentionMs: number;
  private readonly now: () => Date;
  private readonly options: ReportStoreOptions;
  /** Content keys this process has stored: content never changes under its key, so once is enough. */
  private readonly storedContent = new Set<string>();

  constructor(
    private readonly storage: Storage,
    options: ReportStoreOptions = {},
  ) {
    this.retentionMs = options.retentionMs ?? 30 * DAY_MS;
    this.now = options.now ?? (() => new Date());
    this.options = options;
  }

  async create(report: ReportInput): Promise<string> {
    const id = newReportId();
    await this.freeze(id, report);
    return id;
  }

  async createLive(stateKey: string): Promise<string> {
    const id = newReportId();
    const pointer: LiveReportPointer = { version: 'live', createdAt: this.now().toISOString(), stateKey };
    await this.storage.write({ [KEY_PREFIX + id]: { ...pointer, eTag: '*' } });
    return id;
  }

  async freeze(id: string, report: ReportInput, createdAt = this.now()): Promise<void> {
    if (this.now().getTime() - createdAt.getTime() > this.retentionMs) return this.retire(id);
    const full = trimReport(report, createdAt);
    // "*" = unconditional writes: the id is this report's own (fresh, or its live pointer being frozen), and content
    // under its key is always the same.
    const changes: StoreItems = {};
    const newContent: string[] = [];
    const hypotheses = full.diagnosis.hypotheses.map((h) => {
      const { stored, key, content } = storedHypothesis(h);
      if (!this.storedContent.has(key) && !(key in changes)) {
        changes[key] = { ...content, eTag: '*' };
        newContent.push(key);
      }
      return stored;
    });
    const persisted: PersistedReport = { ...full, version: 2, diagnosis: { ...full.diagnosis, hypotheses } };
    changes[KEY_PREFIX + id] = { ...persisted, eTag: '*' };
    await this.storage.write(changes);
    for (const key of newContent) this.storedContent.add(key);
  }

  async retire(id: string): Promise<void> {
    if (isReportId(id)) await this.storage.delete([KEY_PREFIX + id]);
  }

  async get(id: string): Promise<StoredReport | undefined> {
    if (!isReportId(id)) return undefined;
    const key = KEY_PREFIX + id;
    const items = await this.storage.read([key]);
    const item = items[key] as (PersistedReport & { eTag?: string }) | undefined;
    if (!item) return undefined;
    if (item.version === 'live') return this.live(id, item);
    if (this.now().getTime() - Date.parse(item.createdAt) > this.retentionMs) {
      await this.storage.delete([key]);
      return undefined;
    }
    const { eTag: _eTag, ...report } = item;
    return report.version === 2 ? this.resolve(id, report) : report;
  }

  /**
   * A live report drawn from its case as it is now. Readable for the retention period after a card last linked it;
   * the pointer stays, so the link works again when the conversation goes on.
   */
  private async live(id: string, pointer: LiveReportPointer): Promise<StoredReport | undefined> {
    const found = await this.options.readLive?.(pointer.stateKey, id);
    if (!found || this.now().getTime() - Date.parse(found.shownAt) > this.retentionMs) return undefined;
    return { ...trimReport(found, new Date(pointer.createdAt)), live: true };
  }

  /** A version-2 report with its hypotheses' knowledge-base content read back in. */
  private async resolve(id: string, report: Extract<PersistedReport, { version: 2 }>): Promise<StoredReport> {
    const stored = report.diagnosis.hypotheses.filter(isStoredHypothesis);
    const contents = stored.length > 0 ? await this.storage.read([...new Set(stored.map((h) => h.content))]) : {};
    const hypotheses = stored.map((h) => {
      const resolved = resolvedHypothesis(h, contents);
      if (!resolved) throw new Error(`report ${id}: its knowledge-base content ${h.content} is missing from storage`);
      return resolved;
    });
    return { ...report, version: 1, diagnosis: { ...report.diagnosis, hypotheses } };
  }
}
