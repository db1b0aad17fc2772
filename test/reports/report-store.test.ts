// The report store keeps each cause's knowledge-base text once, under a content key, and reads reports back whole.
import assert from 'node:assert/strict';
import type { StoreItems } from 'botbuilder';
import { renderReportPage, StorageReportStore, trimReport } from '../../bot/reports/index.js';
import { CONTENT_KEY_PREFIX } from '../../bot/reports/report-content.js';
import { InMemoryStorage } from '../../bot/store/index.js';
import { mbamReport } from './report-fixtures.js';

/** InMemoryStorage that remembers every key written, in order. */
class RecordingStorage extends InMemoryStorage {
  readonly written: string[][] = [];
  override async write(changes: StoreItems): Promise<void> {
    this.written.push(Object.keys(changes));
    await super.write(changes);
  }
}

const now = new Date('2025-03-01T12:00:00Z');

describe('report store', () => {
  it('reads a report back exactly as it was made, also from another store on the same storage', async () => {
    const input = await mbamReport();
    const storage = new InMemoryStorage();
    const id = await new StorageReportStore(storage, { now: () => now }).create(input);
    const read = await new StorageReportStore(storage, { now: () => now }).get(id);
    assert.deepEqual(read, trimReport(input, now));
    assert.equal(renderReportPage(read!, 'n'), renderReportPage(trimReport(input, now), 'n'));
  });

  it('stores the knowledge-base text of a cause once, in the same write as the first report that shows it', async () => {
    const input = await mbamReport();
    const storage = new RecordingStorage();
    const store = new StorageReportStore(storage, { now: () => now });
    await store.create(input);
    await store.create(input);
    const content = (keys: string[]) => keys.filter((k) => k.startsWith(CONTENT_KEY_PREFIX));
    assert.equal(storage.written.length, 2, 'one write per report');
    assert.equal(content(storage.written[0]).length, input.diagnosis.hypotheses.length);
    assert.deepEqual(content(storage.written[1]), []);
  });

  it('keeps showing what a report showed when the knowledge base changes later', async () => {
    const input = await mbamReport();
    const storage = new InMemoryStorage();
    const store = new StorageReportStore(storage, { now: () => now });
    const before = await store.create(input);
    const edited = structuredClone(input);
    edited.diagnosis.hypotheses[0].steps = ['An edited first step.'];
    const after = await store.create(edited);
    assert.deepEqual((await store.get(before))?.diagnosis.hypotheses[0].steps, input.diagnosis.hypotheses[0].steps);
    assert.deepEqual((await store.get(after))?.diagnosis.hypotheses[0].steps, ['An edited first step.']);
  });

  it('still reads reports stored whole by earlier versions', async () => {
    const report = trimReport(await mbamReport(), now);
    const storage = new InMemoryStorage();
    const id = 'AAAAAAAAAAAAAAAAAAAAAA';
    await storage.write({ [`support-report/${id}`]: { ...report, eTag: '*' } });
    assert.deepEqual(await new StorageReportStore(storage, { now: () => now }).get(id), report);
  });

  it('fails loudly, rather than showing a report without its causes, when stored content is missing', async () => {
    const storage = new RecordingStorage();
    const store = new StorageReportStore(storage, { now: () => now });
    const id = await store.create(await mbamReport());
    await storage.delete(storage.written[0].filter((k) => k.startsWith(CONTENT_KEY_PREFIX)));
    await assert.rejects(store.get(id), /knowledge-base content .* is missing/);
  });
});
