// The report page's only stylesheet, sent inline with a CSP nonce (no external assets, no inline style attributes).
export const REPORT_CSS = `
:root { color-scheme: light; --red: #c50f1f; --blue: #0f6cbd; --purple: #8764b8; --amber: #f7c948; --grey: #616161; }
body { font: 15px/1.5 "Segoe UI", system-ui, sans-serif; margin: 0; background: #f5f5f5; color: #1b1b1b; }
main { max-width: 1040px; margin: 0 auto; padding: 24px; background: #fff; }
h1 { margin: 0 0 4px; font-size: 26px; } h2 { border-bottom: 2px solid #e0e0e0; padding-bottom: 4px; margin-top: 32px; }
.meta, .note, .id { color: var(--grey); font-size: 13px; }
blockquote.user-text { margin: 8px 0; padding: 8px 12px; border-left: 4px solid var(--blue); background: #f0f6fc; white-space: pre-wrap; }
.hypothesis { border: 1px solid #e0e0e0; border-radius: 6px; padding: 4px 16px 8px; margin: 12px 0; }
.hypothesis.top { border-color: var(--blue); box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.confidence { font-size: 13px; font-weight: normal; padding: 2px 8px; border-radius: 10px; margin-left: 8px; white-space: nowrap; }
.confidence-high { background: #dff6dd; color: #0e700e; } .confidence-medium { background: #fff4ce; color: #835b00; } .confidence-low { background: #eee; color: #424242; }
mark { background: var(--amber); padding: 0 3px; border-radius: 2px; }
.citation { margin-bottom: 6px; } .excerpt code, .evidence code { white-space: pre-wrap; word-break: break-word; }
code { font-family: Consolas, "Cascadia Mono", monospace; font-size: 13px; background: #f3f3f3; padding: 0 3px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { border: 1px solid #e0e0e0; padding: 3px 6px; text-align: left; vertical-align: top; }
tr.failed td { background: #fde7e9; }
.evidence li.cited { font-weight: 600; } .cited-by { color: var(--grey); font-weight: normal; font-size: 13px; }
figure.timeline { margin: 8px 0 24px; overflow-x: auto; } figcaption { margin-bottom: 6px; }
.has-failure .verdict { color: var(--red); }
svg { font: 12px "Segoe UI", system-ui, sans-serif; display: block; }
svg .tick line { stroke: #e0e0e0; } svg .tick text { fill: var(--grey); text-anchor: middle; font-size: 11px; }
svg .row-bg { fill: transparent; } svg .step:hover .row-bg { fill: #f0f0f0; }
svg .step.failed .row-bg { fill: #fde7e9; }
svg .label { fill: #1b1b1b; } svg .step.failed .label { fill: var(--red); font-weight: 700; }
svg .dur { fill: var(--grey); font-size: 11px; }
svg .step-module .bar { fill: var(--blue); } svg .step.failed .bar { fill: var(--red); }
svg .step-auth .marker { fill: var(--purple); } svg .step-error .marker { fill: var(--red); } svg .step-info .marker { fill: #9e9e9e; }
svg .step.cited .bar, svg .step.cited .marker { stroke: #b07d00; stroke-width: 2.5; }
.legend { font-size: 12px; color: var(--grey); } .key { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; vertical-align: -2px; border-radius: 2px; }
.key-module { background: var(--blue); } .key-auth { background: var(--purple); transform: rotate(45deg) scale(.8); } .key-failed { background: var(--red); } .key-cited { border: 2.5px solid #b07d00; width: 8px; height: 8px; }
`;
