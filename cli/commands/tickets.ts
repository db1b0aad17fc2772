// `cli tickets`: what engineers taught the bot. "export" writes resolved tickets as labelled cases (the format of
// test/cases/*.yaml); "new-causes" lists tickets resolved with a cause the knowledge base does not have yet, with
// their evidence; "list" shows every ticket. Reads the bot's SQLite file or PostgreSQL database.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../../bot/config.js';
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

function storageFrom(values: Map<string, string[]>): Config['storage'] {
  const url = values.get('database-url')?.[0];
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError('--database-url must start with postgres:// or postgresql://');
    return { kind: 'postgres', url };
  }
  const dataDir = values.get('data-dir')?.[0] ?? 'data';
  return { kind: 'sqlite', file: resolve(dataDir, 'bot-state.sqlite') };
}

const command: CliCommand = {
  name: 'tickets',
  summary: 'escalation tickets: "export" resolved ones as labelled cases, "new-causes" for knowledge-base authors, "list"',
  usage: 'tickets export [--out FILE] | tickets new-causes [--json] | tickets list [--json]   [--data-dir DIR | --database-url URL]',
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['out', 'data-dir', 'database-url'], flags: ['json'] });
    const [sub] = parsed.positional;
    if (sub !== 'export' && sub !== 'new-causes' && sub !== 'list') throw new UsageError('expected "tickets export", "tickets new-causes" or "tickets list"');
    // Loaded here, not at the top: the escalation store brings the Bot Framework with it, which the other commands
    // (diagnose, explain, kb) have no need to load.
    const { TicketStore, casesYaml, labelledCases, newCauseTickets, newCausesMarkdown, openEscalationDb, ticketSummary } = await import('../../bot/escalation/index.js');
    const db = await openEscalationDb(storageFrom(parsed.values));
    try {
      const tickets = await new TicketStore(db).all();
      if (sub === 'list') {
        const rows = tickets.map(ticketSummary);
        io.stdout(parsed.flags.has('json') ? `${JSON.stringify(rows, null, 2)}\n` : rows.map((t) => `#${t.id}\t${t.status}\t${t.createdAt}\t${t.summary.slice(0, 100)}\n`).join(''));
        return 0;
      }
      if (sub === 'new-causes') {
        const fresh = newCauseTickets(tickets);
        io.stdout(parsed.flags.has('json') ? `${JSON.stringify(fresh.map((t) => ({ id: t.id, resolution: t.resolution, packet: t.packet })), null, 2)}\n` : newCausesMarkdown(fresh));
        return 0;
      }
      const { bundledKnowledgeBase } = await import('../../runtime/kb-files.js');
      const cases = labelledCases(tickets, new Set(bundledKnowledgeBase().lookalikes.map((l) => l.id)));
      const yaml = casesYaml(cases);
      const out = parsed.values.get('out')?.[0];
      if (out) writeFileSync(out, yaml);
      else io.stdout(yaml);
      const fresh = newCauseTickets(tickets).length;
      io.stderr(`${cases.length} labelled case(s) from resolved tickets${out ? ` written to ${out}` : ''}.${fresh ? ` ${fresh} ticket(s) name a new cause: run "tickets new-causes".` : ''}\n`);
      return 0;
    } finally {
      await db.close();
    }
  },
};

export default command;
