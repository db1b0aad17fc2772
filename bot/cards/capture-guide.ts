// How to capture a Failed Request Trace for this case, as numbered Markdown: the steps come from the knowledge base,
// the status codes to trace from the case.
import { numberedItem } from './cause-markdown.js';

export interface CaptureGuideView {
  title: string;
  /** Status codes to trace ("500", "401.2"), as Failed Request Tracing's rule takes them. */
  statusCodes: string[];
  steps: string[];
  /** Where the steps came from ("knowledge base: concept-failed-request-tracing"). */
  source: string;
}

export function captureGuideMarkdown(view: CaptureGuideView): string {
  const out = [`**${view.title}**`];
  if (view.statusCodes.length)
    out.push('', `For this case, trace the status code(s): \`${view.statusCodes.join(',')}\``);
  out.push('', ...view.steps.map((s, i) => numberedItem(i + 1, s)), '', `_Source: ${view.source}_`);
  return out.join('\n');
}
