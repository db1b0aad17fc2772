// describeEvent: what a Windows event id means in this domain (4625, 5021...).
import { EVENT_IDS } from './data/event-ids.js';

export interface EventDescription {
  id: number;
  channel: string;
  source: string;
  name: string;
  message: string;
}

const byId = new Map<number, EventDescription>(EVENT_IDS.map((e) => [e.id, { ...e }]));

export function describeEvent(id: number | string): EventDescription | null {
  const n = typeof id === 'number' ? id : /^\s*\d{1,5}\s*$/.test(id) ? Number(id) : NaN;
  const found = byId.get(n);
  return found ? { ...found } : null;
}
