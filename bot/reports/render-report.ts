// The report page: the case in the user's (redacted) words, the ranked causes with their cited evidence highlighted,
// the evidence from every file, and a pipeline timeline per uploaded trace. Server-rendered, no external assets.
import type { CitedEvidence, EvidenceSource, Hypothesis, LookalikeMatch } from '../../knowledge/types.js';
import { escapeHtml, html, raw, type RawHtml } from './html.js';
import type { StoredReport } from './report-types.js';
import { REPORT_CSS } from './report-css.js';
import { renderTimeline } from './render-timeline.js';

const sourceKey = (s: EvidenceSource): string => `${s.file}|${s.line ?? ''}|${s.event ?? ''}|${s.path ?? ''}`;

function where(s: EvidenceSource): string {
  const parts = [s.file === 'message' ? 'your message' : s.file];
  if (s.line !== undefined) parts.push(`line ${s.line}`);
  if (s.event !== undefined) parts.push(`event ${s.event}`);
  if (s.path) parts.push(s.path);
  return parts.join(', ');
}

function safeHref(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : undefined;
  } catch {
    // Not a URL: shown as text, never as a link.
    return undefined;
  }
}

/** The knowledge base writes prose in Markdown: after escaping, only `code` and **bold** become markup. */
function prose(text: string): RawHtml {
  return raw(
    escapeHtml(text)
      .replace(/&#96;([^&#]+?)&#96;/g, '<code>$1</code>')
      .replace(/\*\*([^*]+?)\*\*/g, '<strong>$1</strong>'),
  );
}

function citation(e: CitedEvidence): RawHtml {
  return html`<li class="citation">
    <mark>${e.citation}</mark>${e.meaning ? html` <span class="meaning">— ${e.meaning}</span>` : ''}
    <div class="excerpt"><code>${e.excerpt}</code></div>
  </li>`;
}

/** References as links, only http(s) ones clickable; nothing when there are none. */
function references(list: { title: string; url: string }[]): RawHtml | '' {
  if (list.length === 0) return '';
  const items = list.map((r) => {
    const href = safeHref(r.url);
    return href
      ? html`<li><a href="${href}" rel="noopener noreferrer" target="_blank">${r.title}</a></li>`
      : html`<li>${r.title} (${r.url})</li>`;
  });
  return html`<h4>References</h4>
    <ul>
      ${items}
    </ul>`;
}

function hypothesis(h: Hypothesis, rank: number): RawHtml {
  return html`<article class="hypothesis${rank === 1 ? ' top' : ''}" id="cause-${rank}">
    <h3>
      ${rank}. ${h.title}
      <span class="confidence confidence-${h.confidenceLabel}"
        >${h.confidenceLabel} confidence (${Math.round(h.confidence * 100)}%)</span
      >
    </h3>
    ${
      h.evidence.length
        ? html`<h4>Evidence</h4>
            <ul class="citations">
              ${h.evidence.map(citation)}
            </ul>`
        : html`<p class="note">No direct evidence yet: suggested by the symptoms.</p>`
    }
    ${
      h.explanation
        ? html`<h4>Why it happens</h4>
            <p>${prose(h.explanation)}</p>`
        : ''
    }
    ${
      h.steps.length
        ? html`<h4>How to fix it</h4>
            <ol>
              ${h.steps.map((s) => html`<li>${prose(s)}</li>`)}
            </ol>`
        : ''
    }
    ${
      h.verify
        ? html`<h4>How to verify</h4>
            <p>${prose(h.verify)}</p>`
        : ''
    }
    ${references(h.references)}
    <p class="id">Cause id: <code>${h.id}</code></p>
  </article>`;
}

function lookalike(l: LookalikeMatch): RawHtml {
  return html`<article class="hypothesis lookalike" id="${`lookalike-${l.id}`}">
    <h3>${l.title}</h3>
    ${
      l.evidence.length
        ? html`<h4>What in the case shows it</h4>
            <ul class="citations">
              ${l.evidence.map(citation)}
            </ul>`
        : ''
    }
    <h4>Why it is not an identity problem</h4>
    <p>${prose(l.explanation)}</p>
    ${
      l.steps.length
        ? html`<h4>What to check</h4>
            <ol>
              ${l.steps.map((s) => html`<li>${prose(s)}</li>`)}
            </ol>`
        : ''
    }
    ${references(l.references)}
    <p class="id">Look-alike id: <code>${l.id}</code></p>
  </article>`;
}

const utc = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

function reportMeta(report: StoredReport): string {
  const redacted = 'Texts and files were redacted before they were stored.';
  if (!report.live) return `Report created ${utc(report.createdAt)}. ${redacted}`;
  return `The case as it stands now: this page follows the conversation, so it includes what was sent after the card you opened it from (first linked ${utc(report.createdAt)}). ${redacted}`;
}

export function renderReportPage(report: StoredReport, nonce: string): string {
  const d = report.diagnosis;
  const citedBy = new Map<string, number[]>();
  d.hypotheses.forEach((h, i) => {
    for (const e of h.evidence) {
      const k = sourceKey(e.source);
      citedBy.set(k, [...new Set([...(citedBy.get(k) ?? []), i + 1])]);
    }
  });
  const fileEvidence = report.case.evidence.filter((e) => e.source.file !== 'message');
  const answers = Object.entries(report.case.answers);
  const body = html`<header>
      <h1>${report.title}</h1>
      <p class="meta">${reportMeta(report)}</p>
    </header>
    <section id="case">
      <h2>The case</h2>
      ${report.case.texts.length ? report.case.texts.map((t) => html`<blockquote class="user-text">${t}</blockquote>`) : html`<p class="note">No description was given.</p>`}
      ${
        answers.length
          ? html`<h3>Answers</h3>
              <ul>
                ${answers.map(([q, a]) => html`<li><code>${q}</code>: ${a}</li>`)}
              </ul>`
          : ''
      }
      ${
        report.case.ruledOut.length
          ? html`<h3>Ruled out</h3>
              <ul>
                ${report.case.ruledOut.map((r) => html`<li><code>${r}</code> (you said it was not it)</li>`)}
              </ul>`
          : ''
      }
    </section>
    ${
      report.timelines.length
        ? html`<section id="timelines">
            <h2>Request pipeline</h2>
            ${report.timelines.map((t) => {
              const cited = new Set(
                d.hypotheses
                  .flatMap((h) => h.evidence)
                  .filter((e) => e.source.file === t.file && e.source.event !== undefined)
                  .map((e) => e.source.event as number),
              );
              return html`<h3>${t.file}</h3>
                <p class="meta"><code>${t.url}</code> → <strong>${t.status}</strong></p>
                ${renderTimeline(t, cited)}`;
            })}
          </section>`
        : ''
    }
    <section id="diagnosis">
      <h2>${d.unknown || d.hypotheses.length === 0 ? 'No known cause fits yet' : 'Likely causes'}</h2>
      ${d.hypotheses.map((h, i) => hypothesis(h, i + 1))}
      ${
        d.lookalikes?.length
          ? html`<h3>${d.hypotheses.length ? 'Also seen: problems that are not identity failures' : 'This looks like a problem that is not an identity failure'}</h3>
              ${d.lookalikes.map(lookalike)}`
          : ''
      }
      ${
        d.whatWouldHelp.length
          ? html`<h3>What would help</h3>
              <ul>
                ${d.whatWouldHelp.map((w) => html`<li>${w}</li>`)}
              </ul>`
          : ''
      }
      ${
        d.question
          ? html`<h3>Next question</h3>
              <p>${d.question.text}</p>`
          : ''
      }
      ${
        d.codes.length
          ? html`<h3>Error codes</h3>
              <table class="codes">
                <thead>
                  <tr>
                    <th>Code</th>
                    <th>Name</th>
                    <th>Meaning</th>
                  </tr>
                </thead>
                <tbody>
                  ${d.codes.map(
                    (c) =>
                      html`<tr>
                        <td><code>${c.input}</code></td>
                        <td>${c.name}</td>
                        <td>${c.message}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
          : ''
      }
      ${
        d.errors.length
          ? html`<h3>File problems</h3>
              <ul>
                ${d.errors.map((e) => html`<li>${e.message}</li>`)}
              </ul>`
          : ''
      }
    </section>
    ${
      fileEvidence.length
        ? html`<section id="evidence">
            <h2>Evidence from the files</h2>
            <ul class="evidence">
              ${fileEvidence.map((e) => {
                const by = citedBy.get(sourceKey(e.source));
                return html`<li class="${by ? 'cited' : ''}">
                  ${by ? html`<mark>${where(e.source)}</mark> <span class="cited-by">cited by cause ${by.join(', ')}</span>` : where(e.source)}:
                  <code>${e.excerpt}</code>
                </li>`;
              })}
            </ul>
          </section>`
        : ''
    }`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${html`${report.title}`}</title><style nonce="${escapeHtml(nonce)}">${REPORT_CSS}</style></head>
<body><main>${body}</main></body></html>`;
}
