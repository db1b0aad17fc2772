// Plain-text rendering of a diagnosis for the fallback bot (the real cards live in bot/cards/).
import type { Diagnosis, Hypothesis } from '../knowledge/types.js';

/** Teams caps a message near 28 KB; stay well below. */
const MAX_REPLY_CHARS = 20_000;

function percent(h: Hypothesis): string {
  return `${Math.round(h.confidence * 100)}%`;
}

export function renderDiagnosisText(d: Diagnosis, caseSummary: string): string {
  const out: string[] = [];
  const [top, ...others] = d.hypotheses;
  if (d.unknown || !top) {
    out.push("I can't tell the cause yet.");
  } else {
    out.push(`Most likely: ${top.title} (${top.confidenceLabel} confidence, ${percent(top)})`);
    if (top.explanation) out.push('', `Why: ${top.explanation}`);
    if (top.evidence.length) out.push('', 'Evidence:', ...top.evidence.map((e) => `- ${e.citation}${e.meaning ? ` (${e.meaning})` : ''}`));
    if (top.steps.length) out.push('', 'Fix:', ...top.steps.map((s, i) => `${i + 1}. ${s}`));
    if (top.verify) out.push('', `Verify: ${top.verify}`);
    if (others.length) out.push('', `Other possibilities: ${others.slice(0, 3).map((h) => `${h.title} (${percent(h)})`).join('; ')}`);
  }
  if (d.codes.length) out.push('', 'Codes:', ...d.codes.map((c) => `- ${c.input} = ${c.name}: ${c.message}`));
  if (d.question) {
    out.push('', `Question: ${d.question.text}`);
    if (d.question.answers.length) out.push(d.question.answers.map((a, i) => `  ${i + 1}) ${a.label}`).join('\n'));
  }
  if (d.whatWouldHelp.length) out.push('', 'What would help:', ...d.whatWouldHelp.map((w) => `- ${w}`));
  if (d.errors.length) out.push('', 'File problems:', ...d.errors.map((e) => `- ${e.message}`));
  out.push('', caseSummary);
  const text = out.join('\n');
  return text.length > MAX_REPLY_CHARS ? `${text.slice(0, MAX_REPLY_CHARS)}\n... (shortened)` : text;
}
