// Windows event-log XML exports -> Evidence (kind event / code, text facts) per knowledge/FACTS.md.
export { parseEventLogXml, type EventLogParseOptions } from './parse-eventlog.js';
export { readEvents, type WinEvent } from './read-events.js';
export { resolveInserts } from './inserts.js';
