// GET /reports/:id: the report page. The id is the capability (128 random bits), so the page is never cached by
// shared caches, never indexed, never framed and never leaks its URL as a Referer.
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../log.js';
import { errorContext } from '../turn-error.js';
import { escapeHtml } from './html.js';
import type { ReportStore } from './report-store.js';
import { renderReportPage } from './render-report.js';
import { newNonce, sendHtml } from './send-html.js';

export interface ReportRouteDeps {
  reports: ReportStore;
  log: Logger;
}

const PRIVATE_PAGE = {
  'cache-control': 'private, no-store',
  'x-robots-tag': 'noindex, nofollow',
  'x-frame-options': 'DENY',
};

function cspFor(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

function plainPage(res: Response, status: number, title: string, message: string): void {
  const nonce = newNonce();
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`;
  sendHtml(res, status, body, { csp: cspFor(nonce), extra: PRIVATE_PAGE });
}

export function reportRoute(deps: ReportRouteDeps) {
  return async function reportHandler(req: Request, res: Response): Promise<void> {
    const id = String(req.params?.id ?? '');
    try {
      const report = await deps.reports.get(id);
      if (!report) {
        plainPage(
          res,
          404,
          'Report not found',
          'This report does not exist or has expired. Ask the bot for the diagnosis again to get a new link.',
        );
        return;
      }
      const nonce = newNonce();
      sendHtml(res, 200, renderReportPage(report, nonce), { csp: cspFor(nonce), extra: PRIVATE_PAGE });
    } catch (err) {
      deps.log.error('report page failed', { route: '/reports/:id', ...errorContext(err) });
      plainPage(
        res,
        500,
        'Report unavailable',
        'The report could not be loaded; the server log has the details.',
      );
    }
  };
}

/** Wiring: `registerReportRoutes(server, { reports, log })`. */
export function registerReportRoutes(server: Server, deps: ReportRouteDeps): void {
  server.get('/reports/:id', reportRoute(deps));
}
