// Which of the knowledge base's matchers a case satisfies, and where. A conversation re-diagnoses every earlier
// message on each turn, so what one message satisfies on its own is worked out once and kept; only the case's
// files, document texts and answers are matched afresh.
import type { Case, EvidenceSource } from '../types.js';
import type { CompiledKnowledgeBase, SlotMatch } from './compile.js';
import { findMatch, makeCaseView, type CaseView, type Found } from './match.js';
import { MESSAGE_SOURCE, evidenceFromTexts } from './text-evidence.js';
import { withoutToolRows } from '../ingest/text/index.js';

/**
 * The first place each matcher is satisfied, indexed by slot. Order as if everything were one list: the messages
 * in turn (their own words and the codes and facts stated in them), then the uploaded evidence, the answers and
 * the uploaded documents.
 */
export function caseMatches(compiled: CompiledKnowledgeBase, c: Case, uploads: CaseView): (Found | null)[] {
  const found: (Found | null)[] = new Array<Found | null>(compiled.matchers.length).fill(null);
  c.texts.forEach((text, i) => {
    const matches = compiled.memo.messageMatches.getOrCompute(text, () => messageMatches(compiled, text));
    for (const m of matches) {
      // The first place wins, except that a plain statement later replaces an earlier question or hedge.
      if (found[m.slot] && !(found[m.slot]!.tentative && !m.tentative)) continue;
      found[m.slot] = { source: { ...m.source, line: i + 1 }, excerpt: m.excerpt, ...(m.tentative ? { tentative: true as const } : {}) };
    }
  });
  if (uploads.evidence.length === 0 && uploads.texts.length === 0 && Object.keys(uploads.answers).length === 0) return found;
  compiled.matchers.forEach((matcher, slot) => {
    if (found[slot] && !found[slot].tentative) return;
    const upload = findMatch(matcher, uploads);
    if (upload) found[slot] = upload;
  });
  return found;
}

/** Every matcher one message satisfies by itself, as the first message of a case (line 1, reset per case). */
function messageMatches(compiled: CompiledKnowledgeBase, text: string): SlotMatch[] {
  const source: EvidenceSource = { file: MESSAGE_SOURCE, line: 1 };
  // Pasted tool output (whoami, setspn, klist...) is read as facts; the text signatures read the user's own words.
  const view = makeCaseView(evidenceFromTexts([text]), [{ text: withoutToolRows(text), source }], {});
  const out: SlotMatch[] = [];
  compiled.matchers.forEach((matcher, slot) => {
    const f = findMatch(matcher, view);
    if (f) out.push({ slot, source: f.source, excerpt: f.excerpt, ...(f.tentative ? { tentative: true as const } : {}) });
  });
  return out;
}
