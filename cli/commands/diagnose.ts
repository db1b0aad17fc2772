// `cli diagnose [--text "..."]... [--file PATH]... [--answer q=v]... [--rule-out id]... [--json]`
import { createReadStream, statSync } from 'node:fs';
import { diagnoseWithDetails, type FileError, type IngestInput } from '../../knowledge/index.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { formatDiagnosis } from '../format-diagnosis.js';
import { progressBar } from '../progress.js';

const command: CliCommand = {
  name: 'diagnose',
  summary: 'diagnose a problem from a description, error codes and log or config files',
  usage:
    'diagnose [--text "what happens"]... [--file PATH]... [--answer QUESTION=VALUE]... [--rule-out CAUSE_ID]... [--json]',
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['text', 'file', 'answer', 'rule-out'], flags: ['json'] });
    const texts = [...(parsed.values.get('text') ?? []), ...parsed.positional];
    const paths = parsed.values.get('file') ?? [];
    if (texts.length === 0 && paths.length === 0) throw new UsageError('give at least one --text or --file');
    const answers: Record<string, string> = {};
    for (const pair of parsed.values.get('answer') ?? []) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--answer needs QUESTION=VALUE, got "${pair}"`);
      answers[pair.slice(0, eq)] = pair.slice(eq + 1);
    }

    const unreadable: FileError[] = [];
    const files: IngestInput[] = [];
    for (const path of paths) {
      try {
        const stat = statSync(path);
        if (!stat.isFile()) throw new Error('not a regular file');
        files.push({ name: path, stream: createReadStream(path), size: stat.size });
      } catch (err) {
        const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
        unreadable.push({ file: path, message: `cannot read the file: ${reason}` });
      }
    }

    const bar = progressBar(io.stderr, io.isTTY && !parsed.flags.has('json'));
    const { diagnosis, ingest } = await diagnoseWithDetails(
      { texts, files, answers, ruledOut: parsed.values.get('rule-out') ?? [] },
      bundledKnowledgeBase(),
      { onProgress: (file, done, total) => bar.update(file, done, total) },
    );
    bar.finish();
    diagnosis.errors.unshift(...unreadable);

    if (parsed.flags.has('json')) io.stdout(`${JSON.stringify(diagnosis, null, 2)}\n`);
    else io.stdout(formatDiagnosis(diagnosis));

    // Exit 1 only when there was nothing at all to diagnose from.
    return texts.length === 0 && ingest.files.length === 0 ? 1 : 0;
  },
};

export default command;
