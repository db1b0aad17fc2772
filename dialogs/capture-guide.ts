// Decides when a Failed Request Trace would settle the case, and builds the capture steps: the steps from the
// knowledge base's FREB concept, the status codes to trace from the case (or from the leading causes' signatures).
import { parseSections, numberedSteps } from '../knowledge/kb-loader/markdown.js';
import type { Case, Diagnosis, KnowledgeBase } from '../knowledge/index.js';
import type { CaptureGuideView } from '../bot/cards/index.js';

export const FREB_CONCEPT_ID = 'concept-failed-request-tracing';

/** "500.0" -> "500" (FREB's rule takes "500" for any 500), "401.2" stays. */
function traceCode(status: string): string {
  return status.replace(/\.0$/, '');
}

function statusCodesFor(kb: KnowledgeBase, c: Case, d: Diagnosis): string[] {
  const seen = c.evidence
    .filter((e) => e.kind === 'status')
    .map((e) => traceCode(e.value.split('.').slice(0, 2).join('.')));
  if (seen.length > 0) return [...new Set(seen)];
  const leading = new Set(d.hypotheses.map((h) => h.id));
  const fromKb = kb.causes
    .filter((k) => leading.has(k.id))
    .flatMap((k) => k.signatures.flatMap((s) => (s.status ? [traceCode(s.status)] : [])));
  return [...new Set(fromKb)];
}

/** True when the case has no trace yet and a trace is what the leading causes (or an unknown case) would be read from. */
export function traceWouldSettle(kb: KnowledgeBase, c: Case, d: Diagnosis): boolean {
  if (c.evidence.some((e) => e.kind === 'trace')) return false;
  // A recognised non-identity problem comes with its own steps to check: a trace of the identity pipeline is not next.
  if (d.unknown && (d.lookalikes?.length ?? 0) > 0) return false;
  if (d.unknown) return true;
  if (d.hypotheses[0]?.confidenceLabel === 'high' && !d.question) return false;
  const leading = new Set(d.hypotheses.map((h) => h.id));
  return kb.causes.some((k) => leading.has(k.id) && k.signatures.some((s) => s.trace !== undefined));
}

/** The capture steps, or undefined when the knowledge base has no FREB concept with a numbered list. */
export function captureGuide(kb: KnowledgeBase, c: Case, d: Diagnosis): CaptureGuideView | undefined {
  const concept = kb.concepts.find((k) => k.id === FREB_CONCEPT_ID);
  if (!concept) return undefined;
  const steps = [...parseSections(concept.body).values()].map(numberedSteps).find((s) => s.length > 0);
  if (!steps) return undefined;
  return {
    title: concept.title,
    statusCodes: statusCodesFor(kb, c, d),
    steps,
    source: `knowledge base: ${concept.id}`,
  };
}
