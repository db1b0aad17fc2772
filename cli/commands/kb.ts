// `cli kb check`: validates every knowledge-base file and names the file and field of each problem.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileKnowledgeBase } from '../../knowledge/engine/index.js';
import { formatProblem, parseKnowledgeBase, type KbProblem, type KnowledgeBase } from '../../knowledge/index.js';
import { readCaseSet } from '../../runtime/case-set.js';
import { defaultKbDir, readKbFiles, repoRoot } from '../../runtime/kb-files.js';
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

const command: CliCommand = {
  name: 'kb',
  summary: 'knowledge base: "kb check" validates every entry; "kb list" lists them',
  usage: 'kb check [--dir PATH] | kb list',
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['dir'], flags: [] });
    const [sub] = parsed.positional;
    const dir = parsed.values.get('dir')?.[0] ?? defaultKbDir;
    const { kb, problems } = parseKnowledgeBase(readKbFiles(dir));
    if (sub === 'list') {
      for (const c of kb.causes) io.stdout(`${c.id}\t${c.title}\n`);
      for (const c of kb.concepts) io.stdout(`${c.id}\t(concept) ${c.title}\n`);
      for (const l of kb.lookalikes) io.stdout(`${l.id}\t(look-alike, not an identity problem) ${l.title}\n`);
      return 0;
    }
    if (sub !== 'check') throw new UsageError('expected "kb check" or "kb list"');
    if (problems.length === 0) problems.push(...compileProblems(kb), ...vocabularyProblems(kb), ...coverageProblems(kb));
    if (problems.length > 0) {
      io.stderr(`${problems.map(formatProblem).join('\n')}\n${problems.length} problem(s) in ${dir}\n`);
      return 1;
    }
    io.stdout(`OK: ${kb.causes.length} causes, ${kb.concepts.length} concepts, ${kb.lookalikes.length} look-alikes, ${kb.questions.size} questions\n`);
    return 0;
  },
};

function compileProblems(kb: KnowledgeBase): KbProblem[] {
  try {
    compileKnowledgeBase(kb);
    return [];
  } catch (err) {
    const [file, ...rest] = (err as Error).message.split(': ');
    return [{ file, field: 'signatures', message: rest.join(': ') }];
  }
}

/** Signatures may only use evidence keys and patterns that some parser emits (knowledge/FACTS.md). */
function vocabularyProblems(kb: KnowledgeBase): KbProblem[] {
  const facts = readFileSync(join(repoRoot, 'knowledge', 'FACTS.md'), 'utf8');
  const known = new Set([...facts.matchAll(/`([^`\s]+)`/g)].map((m) => m[1].toLowerCase()));
  // "`x/y@enabled` ... also `@useKernelMode`" documents x/y@useKernelMode too.
  const elements = new Set([...known].filter((k) => k.includes('@')).map((k) => k.slice(0, k.indexOf('@'))));
  const isKnown = (key: string) => {
    const at = key.indexOf('@');
    return known.has(key) || (at > 0 && elements.has(key.slice(0, at)) && known.has(key.slice(at)));
  };
  const problems: KbProblem[] = [];
  for (const c of [...kb.causes, ...kb.lookalikes]) {
    [...c.signatures, ...('rules_out' in c ? c.rules_out : [])].forEach((s, i) => {
      const key = s.pattern ?? s.trace?.key ?? s.config?.key ?? s.fact?.key;
      if (key !== undefined && !isKnown(key.toLowerCase())) {
        problems.push({ file: c.file, field: `signatures[${i}]`, message: `"${key}" is not in knowledge/FACTS.md, so no parser emits it` });
      }
    });
  }
  return problems;
}

function coverageProblems(kb: KnowledgeBase): KbProblem[] {
  const covered = new Set(readCaseSet().flatMap((c) => [c.expect]));
  return kb.causes
    .filter((c) => !covered.has(c.id))
    .map((c) => ({ file: c.file, field: 'id', message: 'no test case in test/cases expects this cause' }));
}

export default command;
