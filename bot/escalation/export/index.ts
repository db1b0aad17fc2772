// Resolved tickets back into the evaluation set and the knowledge base's to-do list.
export { casesYaml, labelledCases, newCauseTickets, newCausesMarkdown, type ExportedCase } from './case-export.js';
