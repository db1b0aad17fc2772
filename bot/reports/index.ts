// Diagnosis reports: stored behind an unguessable id, rendered as one self-contained page with request timelines.
export { createReport, reportLinks, reportUrl, type ReportLinks } from './create-report.js';
export { escapeHtml, html, jsonForScript, raw, RawHtml } from './html.js';
export { CASE_REPORT_PROPERTY, CaseReportLinks, liveCaseReader, type CaseReports, type CaseReportLinksOptions } from './live-report.js';
export { isReportId, newReportId } from './report-id.js';
export { registerReportRoutes, reportRoute, type ReportRouteDeps } from './report-routes.js';
export { StorageReportStore, type ReportStore, type ReportStoreOptions } from './report-store.js';
export type { CaseReportState, LiveReportCase, LiveReportPointer, ReportInput, StoredReport } from './report-types.js';
export { renderReportPage } from './render-report.js';
export { failingStep, renderTimeline, timelineVerdict } from './render-timeline.js';
export { newNonce, sendHtml, type PageHeaders } from './send-html.js';
export { REPORT_LIMITS, trimReport } from './trim-report.js';
