// One traced request as an inline SVG: a row per pipeline step, each bar placed by atMs and sized by durationMs, the
// failed step red, authentication events as purple diamonds, cited steps outlined; with a one-line verdict above it
// and the same steps as a table for screen readers. Uses attributes and classes only (the page's CSP has no inline styles).
import type { RequestTimeline, TimelineStep } from '../../knowledge/ingest/types.js';
import { html, raw, type RawHtml } from './html.js';

const LABEL_W = 350;
const CHART_W = 620;
const ROW_H = 22;
const AXIS_H = 26;
const PAD = 8;
const MAX_ROWS = 400;

const fmtMs = (ms: number): string =>
  ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${Math.round(ms * 10) / 10} ms`;

function stepLabel(s: TimelineStep): string {
  return s.notification && s.kind !== 'auth' && s.kind !== 'info' ? `${s.name} · ${s.notification}` : s.name;
}

function shorten(label: string, max = 52): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** The step that explains the failure: the failed error event, else a failed module, else any failed step. */
export function failingStep(t: RequestTimeline): TimelineStep | undefined {
  return (
    t.steps.find((s) => s.failed && s.kind === 'error') ??
    t.steps.find((s) => s.failed && s.kind === 'module') ??
    t.steps.find((s) => s.failed)
  );
}

export function timelineVerdict(t: RequestTimeline): string {
  const f = failingStep(t);
  const total = t.timeTakenMs > 0 ? `, ${fmtMs(t.timeTakenMs)} in total` : '';
  if (!f) return `No step failed in this trace (status ${t.status || 'unknown'}${total}).`;
  const where = f.notification ? `${f.name} in ${f.notification}` : f.name;
  return `Failed at ${where} after ${fmtMs(f.atMs)} (event ${f.event})${f.detail ? `: ${f.detail}` : ''}; final status ${t.status || 'unknown'}${total}.`;
}

function ticks(totalMs: number): number[] {
  const rough = totalMs / 5;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(rough, 0.001)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const out: number[] = [];
  for (let v = 0; v <= totalMs + 1e-9; v += step) out.push(v);
  return out;
}

function row(s: TimelineStep, i: number, x: (ms: number) => number, cited: boolean): RawHtml {
  const y = AXIS_H + i * ROW_H;
  const mid = y + ROW_H / 2;
  const cls = ['step', `step-${s.kind}`, s.failed ? 'failed' : '', cited ? 'cited' : '']
    .filter(Boolean)
    .join(' ');
  const tip = `event ${s.event}: ${stepLabel(s)} at ${fmtMs(s.atMs)}${s.kind === 'module' ? `, took ${fmtMs(s.durationMs)}` : ''}${s.detail ? ` — ${s.detail}` : ''}${s.failed ? ' (FAILED)' : ''}`;
  let mark: RawHtml;
  if (s.kind === 'module') {
    const w = Math.max(3, x(s.atMs + s.durationMs) - x(s.atMs));
    mark = html`<rect
      class="bar"
      x="${x(s.atMs).toFixed(1)}"
      y="${y + 4}"
      width="${w.toFixed(1)}"
      height="${ROW_H - 8}"
      rx="2"
    ></rect>`;
  } else {
    const cx = x(s.atMs);
    const r = 6;
    mark = html`<path
      class="marker"
      d="M${cx.toFixed(1)} ${mid - r} L${(cx + r).toFixed(1)} ${mid} L${cx.toFixed(1)} ${mid + r} L${(cx - r).toFixed(1)} ${mid} Z"
    ></path>`;
  }
  const duration =
    s.kind === 'module'
      ? html`<text class="dur" x="${LABEL_W + CHART_W + PAD}" y="${mid + 4}">${fmtMs(s.durationMs)}</text>`
      : raw('');
  return html`<g class="${cls}" data-event="${s.event}"
    ><title>${tip}</title
    ><rect class="row-bg" x="0" y="${y}" width="${LABEL_W + CHART_W + 70}" height="${ROW_H}"></rect
    ><text class="label" x="${PAD}" y="${mid + 4}"
      >${shorten(`${s.event}. ${stepLabel(s)}`)}${s.failed ? ' ✗' : ''}</text
    >${mark}${duration}</g
  >`;
}

/** @param citedEvents event indexes of this file cited by a hypothesis: their rows are outlined. */
export function renderTimeline(t: RequestTimeline, citedEvents: ReadonlySet<number> = new Set()): RawHtml {
  const steps = t.steps.slice(0, MAX_ROWS);
  const end = Math.max(t.timeTakenMs, ...t.steps.map((s) => s.atMs + s.durationMs), 1);
  const x = (ms: number) => LABEL_W + (Math.min(Math.max(ms, 0), end) / end) * CHART_W;
  const height = AXIS_H + steps.length * ROW_H + PAD;
  const width = LABEL_W + CHART_W + 70;
  const axis = ticks(end).map(
    (v) =>
      html`<g class="tick"
        ><line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${AXIS_H - 6}" y2="${height}"></line
        ><text x="${x(v).toFixed(1)}" y="${AXIS_H - 10}">${fmtMs(v)}</text></g
      >`,
  );
  const failed = failingStep(t);
  const more =
    t.steps.length > steps.length
      ? html`<p class="note">${t.steps.length - steps.length} more steps are not drawn.</p>`
      : raw('');
  return html`<figure class="timeline${failed ? ' has-failure' : ''}">
    <figcaption><strong class="verdict">${timelineVerdict(t)}</strong></figcaption>
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      viewBox="0 0 ${width} ${height}"
      width="${width}"
      height="${height}"
      aria-label="${`Request pipeline timeline for ${t.file}: ${timelineVerdict(t)}`}"
    >
      <g class="axis">${axis}</g>
      ${steps.map((s, i) => row(s, i, x, citedEvents.has(s.event)))}
    </svg>
    ${more}
    <p class="legend">
      <span class="key key-module"></span> module (bar = time spent)
      <span class="key key-auth"></span> authentication event <span class="key key-failed"></span> failed step
      <span class="key key-cited"></span> cited as evidence
    </p>
    <details>
      <summary>Steps as a table</summary>
      <table class="steps">
        <thead>
          <tr>
            <th>Event</th>
            <th>Step</th>
            <th>At</th>
            <th>Took</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          ${t.steps.map(
            (s) =>
              html`<tr class="${s.failed ? 'failed' : ''}">
                <td>${s.event}</td>
                <td>${stepLabel(s)}${s.failed ? ' (failed)' : ''}</td>
                <td>${fmtMs(s.atMs)}</td>
                <td>${s.kind === 'module' ? fmtMs(s.durationMs) : ''}</td>
                <td>${s.detail}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}
