// Caps what a report stores: a case may carry a 100 KB text document or a 1000-step timeline; the page needs less.
import type { RequestTimeline, TimelineStep } from '../../knowledge/ingest/types.js';
import type { Evidence } from '../../knowledge/types.js';
import type { ReportInput, StoredReport } from './report-types.js';

export const REPORT_LIMITS = {
  texts: 50,
  textChars: 4000,
  evidence: 400,
  evidenceChars: 1000,
  timelines: 20,
  stepsPerTimeline: 400,
  hypotheses: 10,
};

const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max)}…` : s);

function trimEvidence(e: Evidence): Evidence {
  return {
    ...e,
    value: cut(e.value, REPORT_LIMITS.evidenceChars),
    excerpt: cut(e.excerpt, REPORT_LIMITS.evidenceChars),
  };
}

function trimTimeline(t: RequestTimeline): RequestTimeline {
  if (t.steps.length <= REPORT_LIMITS.stepsPerTimeline) return t;
  // Keep every failed, auth and error step; fill the rest in order.
  const important = (s: TimelineStep) => s.failed || s.kind === 'auth' || s.kind === 'error';
  let room = REPORT_LIMITS.stepsPerTimeline - t.steps.filter(important).length;
  const steps = t.steps.filter((s) => important(s) || room-- > 0).slice(0, REPORT_LIMITS.stepsPerTimeline);
  return { ...t, steps };
}

export function trimReport(input: ReportInput, now: Date): StoredReport {
  const c = input.case;
  return {
    version: 1,
    createdAt: now.toISOString(),
    title: cut(input.title ?? 'IIS identity diagnosis', 200),
    case: {
      texts: c.texts.slice(0, REPORT_LIMITS.texts).map((t) => cut(t, REPORT_LIMITS.textChars)),
      evidence: c.evidence.slice(0, REPORT_LIMITS.evidence).map(trimEvidence),
      answers: { ...c.answers },
      ruledOut: [...c.ruledOut],
    },
    diagnosis: {
      ...input.diagnosis,
      hypotheses: input.diagnosis.hypotheses.slice(0, REPORT_LIMITS.hypotheses),
    },
    timelines: (input.timelines ?? []).slice(0, REPORT_LIMITS.timelines).map(trimTimeline),
  };
}
