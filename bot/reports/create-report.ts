// The one call the conversation makes when it shows a diagnosis: store the report, get the link to put in the card.
import type { ReportStore } from './report-store.js';
import type { ReportInput } from './report-types.js';

/** `baseUrl` is where people reach the bot (PUBLIC_BASE_URL, or the local listening URL in local mode). */
export async function createReport(store: ReportStore, input: ReportInput, baseUrl: string): Promise<string> {
  const id = await store.create(input);
  return reportUrl(baseUrl, id);
}

export function reportUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/reports/${encodeURIComponent(id)}`;
}

/** What the composition root hands the conversation: one call from a diagnosis to its report link. */
export interface ReportLinks {
  create(input: ReportInput): Promise<string>;
}

/** @param baseUrl read per call: in local mode the port is only known after listen(). */
export function reportLinks(store: ReportStore, baseUrl: () => string): ReportLinks {
  return { create: (input) => createReport(store, input, baseUrl()) };
}
