// The case as copyable Markdown, for handing to an engineer: the user's (already redacted) words, the files and the
// evidence with citations, the answers, what was ruled out, and the current ranking.
import type { Case, Diagnosis, Evidence, EvidenceSource } from '../../knowledge/types.js';
import { MARKDOWN_BUDGET_CHARS } from './card-size.js';
import { confidenceInWords } from './confidence-words.js';
import { truncate } from './rich-text.js';

export interface CaseSummaryView {
  case: Case;
  diagnosis: Diagnosis;
  /** Answers with their question's wording. */
  answers: { question: string; answer: string }[];
  /** Ruled-out causes with their titles. */
  ruledOut: { id: string; title: string }[];
}

const MAX_EVIDENCE = 60;

/** "fr000041.xml, event 14" / "web.config, line 12, configuration/system.web/identity". */
export function citeSource(s: EvidenceSource): string {
  const parts = [s.file];
  if (s.line !== undefined) parts.push(`line ${s.line}`);
  if (s.event !== undefined) parts.push(`event ${s.event}`);
  if (s.path) parts.push(s.path);
  return parts.join(', ');
}

function evidenceLine(e: Evidence): string {
  const what = e.kind === 'text' ? e.key : `${e.key} = ${truncate(e.value, 120)}`;
  const excerpt = e.excerpt
    ? `: \`${truncate(e.excerpt.replace(/`/g, "'").replace(/\s*\n\s*/g, ' '), 200)}\``
    : '';
  return `- ${citeSource(e.source)} — ${what}${excerpt}`;
}

export function caseSummaryMarkdown(view: CaseSummaryView): string {
  const c = view.case;
  const d = view.diagnosis;
  const out: string[] = ['**Case summary** (secrets were redacted before anything was stored)'];
  if (c.texts.length)
    out.push(
      '',
      '**Description**',
      '',
      ...c.texts.map((t) => `> ${truncate(t, 800).replace(/\n/g, '\n> ')}`),
    );
  const files = [...new Set(c.evidence.map((e) => e.source.file).filter((f) => f !== 'message'))];
  if (files.length)
    out.push(
      '',
      '**Files**',
      '',
      ...files.map((f) => `- ${f} (${c.evidence.filter((e) => e.source.file === f).length} facts)`),
    );
  // Typed text is already quoted above; answers are listed below.
  const facts = c.evidence.filter((e) => e.source.file !== 'message' && e.kind !== 'answer');
  if (facts.length) {
    out.push('', '**Evidence**', '', ...facts.slice(0, MAX_EVIDENCE).map(evidenceLine));
    if (facts.length > MAX_EVIDENCE) out.push(`- … and ${facts.length - MAX_EVIDENCE} more`);
  }
  if (d.codes.length)
    out.push('', '**Codes**', '', ...d.codes.map((k) => `- \`${k.canonical}\` ${k.name}: ${k.message}`));
  if (view.answers.length)
    out.push('', '**Answers**', '', ...view.answers.map((a) => `- ${a.question} **${a.answer}**`));
  if (view.ruledOut.length)
    out.push('', '**Ruled out by the user**', '', ...view.ruledOut.map((r) => `- ${r.title} (\`${r.id}\`)`));
  if (d.hypotheses.length) {
    out.push('', '**Current ranking**', '');
    for (const h of d.hypotheses) {
      out.push(`- ${h.title} (\`${h.id}\`): ${confidenceInWords(h)}`);
      for (const e of h.evidence.slice(0, 5)) out.push(`  - ${e.citation}`);
    }
  } else {
    out.push('', '**Current ranking**: no known cause fits.');
  }
  if (d.lookalikes?.length) {
    out.push('', '**Looks like a non-identity problem**', '');
    for (const l of d.lookalikes) {
      out.push(`- ${l.title} (\`${l.id}\`)`);
      for (const e of l.evidence.slice(0, 3)) out.push(`  - ${e.citation}`);
    }
  }
  if (c.errors?.length) out.push('', '**File problems**', '', ...c.errors.map((e) => `- ${e.message}`));
  return truncate(out.join('\n'), MARKDOWN_BUDGET_CHARS);
}
