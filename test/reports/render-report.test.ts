// The report page: the case, the cited evidence highlighted, and a timeline that shows where the request failed.
import assert from 'node:assert/strict';
import type { RequestTimeline } from '../../knowledge/ingest/types.js';
import { renderReportPage, renderTimeline, timelineVerdict, trimReport } from '../../bot/reports/index.js';
import { mbamReport } from './report-fixtures.js';
import { diagnoseWithDetails } from '../../knowledge/index.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';

const timeline: RequestTimeline = {
  file: 'fr000041.xml',
  url: 'https://mbam.contoso.com/HelpDesk/Content/Site.css',
  status: '500.0',
  timeTakenMs: 40,
  steps: [
    {
      event: 3,
      atMs: 0,
      durationMs: 10,
      name: 'WindowsAuthenticationModule',
      notification: 'AUTHENTICATE_REQUEST',
      kind: 'module',
      detail: '',
      failed: false,
    },
    {
      event: 5,
      atMs: 8,
      durationMs: 0,
      name: 'AUTH_SUCCEEDED',
      kind: 'auth',
      detail: 'AuthType=Negotiate',
      failed: false,
    },
    {
      event: 11,
      atMs: 20,
      durationMs: 20,
      name: 'StaticFileModule',
      notification: 'EXECUTE_REQUEST_HANDLER',
      kind: 'module',
      detail: '',
      failed: true,
    },
    {
      event: 18,
      atMs: 30,
      durationMs: 0,
      name: 'StaticFileModule',
      notification: 'EXECUTE_REQUEST_HANDLER',
      kind: 'error',
      detail: '500.0 ErrorCode=0x80070542',
      failed: true,
    },
  ],
};

/** The renderer's templates are formatted for people; compare markup without layout whitespace. */
const squash = (markup: string): string =>
  markup.replace(/\s+/g, ' ').replace(/>\s+</g, '><').replace(/\s+>/g, '>');

describe('report rendering', () => {
  it('draws each step as a bar placed by atMs and sized by durationMs, the failed one red', () => {
    const svg = squash(renderTimeline(timeline).html);
    // 40 ms across 620 px after a 350 px label column: 20 ms starts at 660 px and lasts 310 px.
    assert.match(
      svg,
      /<g class="step step-module failed" data-event="11">.*<rect class="bar" x="660\.0" y="\d+" width="310\.0"/s,
    );
    assert.match(
      svg,
      /<g class="step step-module" data-event="3">.*<rect class="bar" x="350\.0" y="\d+" width="155\.0"/s,
    );
    assert.match(
      svg,
      /<g class="step step-auth" data-event="5">.*<path class="marker"/s,
      'auth events are diamonds',
    );
    assert.match(svg, /svg \.step\.failed \.bar|class="step step-error failed"/);
  });

  it('says where the request failed and how long it took, in one line', () => {
    assert.equal(
      timelineVerdict(timeline),
      'Failed at StaticFileModule in EXECUTE_REQUEST_HANDLER after 30 ms (event 18): 500.0 ErrorCode=0x80070542; final status 500.0, 40 ms in total.',
    );
    assert.equal(
      timelineVerdict({ ...timeline, steps: timeline.steps.map((s) => ({ ...s, failed: false })) }),
      'No step failed in this trace (status 500.0, 40 ms in total).',
    );
  });

  it('renders the MBAM diagnosis: the case, the top cause with highlighted citations, and the FREB timeline', async () => {
    const page = squash(
      renderReportPage(trimReport(await mbamReport(), new Date('2025-03-11T09:30:00Z')), 'nonce123'),
    );
    assert.match(page, /<blockquote class="user-text">our mbam portal shows only text/);
    assert.match(
      page,
      /<h3>\s?1\. IIS_IUSRS lacks &quot;Impersonate a client after authentication&quot; \(SeImpersonatePrivilege\)\s?<span class="confidence confidence-high">\s?high confidence/,
    );
    assert.match(page, /<li class="citation"><mark>fr000041\.xml, event 18/);
    assert.match(page, /class="verdict">Failed at StaticFileModule/);
    assert.match(page, /class="step step-module failed( cited)?" data-event="\d+"/);
    assert.match(
      page,
      /class="step step-error failed cited" data-event="18"/,
      'the cited error event is outlined in the timeline',
    );
    assert.match(page, /<li class="cited"><mark>fr000041\.xml, event 18<\/mark>/);
    assert.match(page, /<style nonce="nonce123">/);
    assert.ok(!/<script/i.test(page), 'the report page has no script at all');
    assert.ok(
      !/(src|href)="(https?:)?\/\//.test(
        page.replace(/<a href="https:[^"]*" rel="noopener noreferrer"/g, ''),
      ),
      'no external assets',
    );
  });

  it('shows a non-identity problem the case matches, with its evidence and what to check', async () => {
    const { diagnosis, case: c } = await diagnoseWithDetails(
      { texts: ['every page is 500 since 3am. Event 1309: IOException: There is not enough space on the disk.'], files: [] },
      bundledKnowledgeBase(),
    );
    assert.equal(diagnosis.unknown, true);
    const page = squash(renderReportPage(trimReport({ case: c, diagnosis }, new Date()), 'n'));
    assert.match(page, /This looks like a problem that is not an identity failure/);
    assert.match(page, /<article class="hypothesis lookalike" id="lookalike-lookalike-disk-full">/);
    assert.match(page, /<li class="citation"><mark>your message 1/);
    assert.match(page, /<h4>What to check<\/h4>\s?<ol>\s?<li>Check free space/);
  });

  it('escapes hostile file names, messages, URLs and step details', async () => {
    const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const input = await mbamReport(`${evil}.xml`, `help ${evil}`);
    input.timelines = [
      {
        ...timeline,
        file: `${evil}.xml`,
        url: `https://x/${evil}`,
        steps: [...timeline.steps, { ...timeline.steps[0], event: 20, name: evil, detail: evil }],
      },
    ];
    input.diagnosis.hypotheses[0].references.push({ title: evil, url: 'javascript:alert(3)' });
    const page = renderReportPage(trimReport(input, new Date()), 'n');
    assert.ok(!page.includes('<script>alert(1)</script>'));
    assert.ok(!page.includes('<img src=x'));
    assert.ok(!page.includes('href="javascript:'), 'non-http references are not links');
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('caps what it stores: long texts, many evidence items and huge timelines', async () => {
    const input = await mbamReport();
    input.case.texts = [`${'x'.repeat(10_000)}`];
    input.timelines = [
      {
        ...timeline,
        steps: Array.from({ length: 2000 }, (_, i) => ({
          ...timeline.steps[0],
          event: i + 1,
          failed: i === 1500,
        })),
      },
    ];
    const stored = trimReport(input, new Date());
    assert.ok(stored.case.texts[0].length <= 4001);
    assert.equal(stored.timelines[0].steps.length, 400);
    assert.ok(
      stored.timelines[0].steps.some((s) => s.failed),
      'the failed step survives the cut',
    );
  });
});
