// A diagnosis as plain text for a terminal: ranked causes, cited evidence, steps, verification.
import type { Diagnosis, Hypothesis, LookalikeMatch } from '../knowledge/index.js';

export function formatDiagnosis(d: Diagnosis): string {
  const out: string[] = [];
  if (d.errors.length > 0) {
    out.push('Problems with the input:');
    for (const e of d.errors) out.push(`  ! ${e.file}: ${e.message}`);
    out.push('');
  }
  if (d.codes.length > 0) {
    out.push('Codes found:');
    for (const c of d.codes) out.push(`  ${c.canonical}  ${c.name}: ${c.message}`);
    out.push('');
  }
  const lookalikes = d.lookalikes ?? [];
  if (d.unknown && lookalikes.length > 0) {
    out.push('This does not look like an identity problem. What the case shows instead:', '');
    lookalikes.forEach((l, i) => out.push(...formatLookalike(l, i === 0)));
  } else if (d.unknown) {
    out.push('I could not match this to a known cause. I will not guess.');
  } else {
    d.hypotheses.forEach((h, i) => out.push(...formatHypothesis(h, i + 1, i === 0)));
  }
  if (!d.unknown && lookalikes.length > 0) {
    out.push('Also seen, not an identity problem:');
    for (const l of lookalikes) out.push(`  * ${l.title}  [${l.id}]`, ...l.evidence.slice(0, 2).map((e) => `     - ${e.citation}`));
    out.push('');
  }
  if (d.question) {
    out.push('', `Question: ${d.question.text}`);
    if (d.question.answers.length > 0) out.push(`  answers: ${d.question.answers.map((a) => a.value).join(' | ')}`);
    out.push(`  (answer with --answer ${d.question.id}=<value>)`);
  }
  if (d.whatWouldHelp.length > 0) {
    out.push('', 'What would help:');
    for (const w of d.whatWouldHelp) out.push(`  - ${w}`);
  }
  if (d.unknown) out.push('', 'An engineer can take this case: run the bot (npm start) and ask to talk to a person.');
  return `${out.join('\n')}\n`;
}

function formatHypothesis(h: Hypothesis, rank: number, full: boolean): string[] {
  const lines = [`${rank}. ${h.title}  [${h.id}]  confidence ${h.confidenceLabel} (${Math.round(h.confidence * 100)}%)`];
  lines.push('   Evidence:');
  for (const e of h.evidence) lines.push(`   - ${e.citation}`, `       -> ${e.meaning}`);
  if (!full) return [...lines, ''];
  lines.push('   Why it happens:', ...indent(h.explanation, '     '));
  lines.push('   Fix:');
  h.steps.forEach((s, i) => lines.push(...indent(`${i + 1}. ${s}`, '     ')));
  lines.push('   Verify:', ...indent(h.verify, '     '), '');
  return lines;
}

function formatLookalike(l: LookalikeMatch, full: boolean): string[] {
  const lines = [`* ${l.title}  [${l.id}]`, '   Evidence:'];
  for (const e of l.evidence) lines.push(`   - ${e.citation}`, `       -> ${e.meaning}`);
  if (!full) return [...lines, ''];
  lines.push('   Why it is not an identity problem:', ...indent(l.explanation, '     '));
  lines.push('   What to check:');
  l.steps.forEach((s, i) => lines.push(...indent(`${i + 1}. ${s}`, '     ')));
  if (l.references.length) lines.push('   References:', ...l.references.map((r) => `     - ${r.title}: ${r.url}`));
  return [...lines, ''];
}

function indent(text: string, prefix: string): string[] {
  return text.split('\n').map((l) => `${prefix}${l}`);
}
