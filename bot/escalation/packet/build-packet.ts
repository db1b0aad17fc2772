// The handoff packet: the user's words, codes and entities, environment, every file with its evidence, the
// hypotheses with the user's feedback on each, every question asked with its answer (or "not answered"), the
// transcript and the report link.
import { diagnose, findEntry, ruledOutAnyCause, type Case, type Diagnosis, type Evidence, type KnowledgeBase } from '../../../knowledge/index.js';
import { extractEntities } from '../../../knowledge/intents/index.js';
import { withoutToolRows } from '../../../knowledge/ingest/text/index.js';
import type { EscalationTrigger, HandoffPacket, PacketFile, PacketHypothesis, TranscriptEntry } from '../types.js';
import { deepRedact } from './deep-redact.js';
import { packetQuestions } from './packet-questions.js';

export interface PacketInput {
  kb: KnowledgeBase;
  case: Case;
  /** Computed from the case when absent. */
  diagnosis?: Diagnosis;
  channel: string;
  transcript: TranscriptEntry[];
  /** Redacted copies of the uploads, as recorded by recordUploads(). */
  uploads: Omit<PacketFile, 'evidence'>[];
  reportUrl?: string;
}

/** Why the case is handed over, read from the case itself. */
export function escalationTrigger(c: Case, d: Diagnosis, kb: KnowledgeBase): EscalationTrigger {
  // Ruling out a look-alike (not an identity problem) does not exhaust the identity causes.
  if (d.unknown || d.hypotheses.length === 0) return ruledOutAnyCause(kb, c.ruledOut) ? 'exhausted' : 'unknown';
  return 'requested';
}

const ENVIRONMENT_TYPES = new Set(['version', 'host', 'auth_type', 'account', 'privilege', 'url']);
const MAX_FILE_EVIDENCE = 200;

export function buildPacket(input: PacketInput): HandoffPacket {
  const { kb, case: c } = input;
  const d = input.diagnosis ?? diagnose(kb, c);
  const trigger = escalationTrigger(c, d, kb);
  const title = (id: string) => findEntry(kb, id)?.title ?? id;

  const entities = uniqueBy(
    // Pasted tool output (whoami, klist...) is in the evidence; its rows are not the user's environment ("0x40e10000" ticket flags).
    c.texts.flatMap((t) => extractEntities(withoutToolRows(t)).map((e) => ({ type: e.type, value: e.canonical ?? e.value }))),
    (e) => `${e.type}:${e.value}`,
  );
  const environment: Record<string, string[]> = {};
  for (const e of entities) if (ENVIRONMENT_TYPES.has(e.type)) (environment[e.type] ??= []).push(e.value);
  environment.channel = [input.channel];

  const hypotheses: PacketHypothesis[] = [
    ...d.hypotheses.map((h) => ({
      id: h.id,
      title: h.title,
      confidence: h.confidence,
      confidenceLabel: h.confidenceLabel,
      evidence: h.evidence.map((e) => ({ citation: e.citation, meaning: e.meaning })),
      feedback: 'not tried yet' as const,
    })),
    ...c.ruledOut.map((id) => ({ id, title: title(id), evidence: [], feedback: 'tried, did not help' as const })),
  ];

  const questions = packetQuestions(kb, c);
  const unanswered = questions.filter((q) => !q.answered).length;

  const top = d.hypotheses[0];
  const summary = [
    trigger === 'requested' ? 'User asked for an engineer.' : trigger === 'unknown' ? 'The engine found no known cause.' : 'Every plausible cause was tried.',
    top ? `Top hypothesis: ${top.title} (${top.confidenceLabel}).` : '',
    !top && d.lookalikes?.length ? `Looks like a non-identity problem: ${d.lookalikes[0].title}.` : '',
    c.ruledOut.length ? `Tried without success: ${c.ruledOut.map(title).join('; ')}.` : '',
    unanswered ? `${unanswered} question(s) asked and not answered.` : '',
    c.texts[0] ? `User: "${c.texts[0].slice(0, 200)}"` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return deepRedact({
    version: 1,
    summary,
    trigger,
    channel: input.channel,
    userWords: [...c.texts],
    codes: d.codes,
    entities,
    environment,
    files: packetFiles(c.evidence, input.uploads),
    hypotheses,
    ...(d.lookalikes?.length
      ? { lookalikes: d.lookalikes.map((l) => ({ id: l.id, title: l.title, evidence: l.evidence.map((e) => ({ citation: e.citation, meaning: e.meaning })) })) }
      : {}),
    questions,
    whatWouldHelp: d.whatWouldHelp,
    transcript: input.transcript,
    ...(input.reportUrl ? { reportUrl: input.reportUrl } : {}),
  });
}

/** One entry per uploaded file: its recorded redacted copy (when there is one) and the evidence it gave. */
function packetFiles(evidence: Evidence[], uploads: Omit<PacketFile, 'evidence'>[]): PacketFile[] {
  const files = new Map<string, PacketFile>();
  for (const u of uploads) files.set(u.name, { ...u, evidence: [] });
  for (const e of evidence) {
    if (e.source.file === 'message' || e.kind === 'answer') continue;
    // Evidence of a file inside a zip names "bundle.zip/W3SVC1/fr000041.xml": it belongs to the upload.
    const owner = [...files.keys()].find((name) => e.source.file === name || e.source.file.startsWith(`${name}/`)) ?? e.source.file;
    const file = files.get(owner) ?? { name: owner, evidence: [] };
    if (file.evidence.length < MAX_FILE_EVIDENCE) file.evidence.push(e);
    files.set(owner, file);
  }
  return [...files.values()];
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
