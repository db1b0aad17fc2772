// Renders the bot's replies (text, Adaptive Cards, hero cards, suggested actions) as terminal text for the local chat,
// and lists the actions a person can pick by number.
import type { Activity, Attachment, CardAction } from 'botbuilder';

/** What picking an action sends back, as Web Chat would: text, a value (Action.Submit), or nothing (open a URL). */
export interface Choice {
  label: string;
  text?: string;
  value?: unknown;
  url?: string;
}

export interface Rendered {
  text: string;
  choices: Choice[];
}

type Json = Record<string, unknown>;

const asArray = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function renderActivities(activities: Partial<Activity>[]): Rendered {
  const choices: Choice[] = [];
  const parts = activities.filter((a) => a.type === 'message').map((a) => renderMessage(a, choices)).filter(Boolean);
  return { text: parts.join('\n\n'), choices };
}

function renderMessage(a: Partial<Activity>, choices: Choice[]): string {
  const lines: string[] = [];
  if (a.text) lines.push(a.text);
  for (const att of a.attachments ?? []) lines.push(renderAttachment(att, choices));
  const suggested = a.suggestedActions?.actions ?? [];
  if (suggested.length) lines.push(suggested.map((s) => `[${addChoice(choices, cardActionChoice(s))}] ${s.title ?? s.value}`).join('   '));
  return lines.filter(Boolean).join('\n');
}

function renderAttachment(att: Attachment, choices: Choice[]): string {
  const content = (att.content ?? {}) as Json;
  if (att.contentType === 'application/vnd.microsoft.card.adaptive') return renderAdaptiveCard(content, choices, '');
  if (att.contentType === 'application/vnd.microsoft.card.hero' || att.contentType === 'application/vnd.microsoft.card.thumbnail') {
    const lines = [str(content.title), str(content.subtitle), str(content.text)].filter(Boolean);
    for (const b of asArray(content.buttons)) lines.push(`[${addChoice(choices, cardActionChoice(b as unknown as CardAction))}] ${str(b.title)}`);
    return lines.join('\n');
  }
  return `[attachment: ${att.name ?? att.contentType}${att.contentUrl && !att.contentUrl.startsWith('data:') ? ` ${att.contentUrl}` : ''}]`;
}

export function renderAdaptiveCard(card: Json, choices: Choice[], indent: string): string {
  const lines: string[] = [];
  for (const el of asArray(card.body)) renderElement(el, choices, indent, lines);
  renderActions(asArray(card.actions), choices, indent, lines);
  return lines.join('\n');
}

function renderElement(el: Json, choices: Choice[], indent: string, lines: string[]): void {
  if (el.isVisible === false) return;
  switch (el.type) {
    case 'TextBlock':
      if (str(el.text)) lines.push(`${indent}${el.weight === 'Bolder' ? str(el.text).toUpperCase() : str(el.text)}`);
      return;
    case 'RichTextBlock':
      lines.push(`${indent}${asArray(el.inlines).map((i) => (typeof i === 'string' ? i : str(i.text))).join('')}`);
      return;
    case 'FactSet':
      for (const f of asArray(el.facts)) lines.push(`${indent}${str(f.title)}: ${str(f.value)}`);
      return;
    case 'Image':
      lines.push(`${indent}[image${str(el.altText) ? `: ${str(el.altText)}` : ''}]`);
      return;
    case 'ColumnSet':
      for (const col of asArray(el.columns)) for (const item of asArray(col.items)) renderElement(item, choices, indent, lines);
      return;
    case 'Container':
    case 'Column':
      for (const item of asArray(el.items)) renderElement(item, choices, indent, lines);
      return;
    case 'Table':
      for (const row of asArray(el.rows)) {
        const cells = asArray(row.cells).map((cell) => {
          const inner: string[] = [];
          for (const item of asArray(cell.items)) renderElement(item, choices, '', inner);
          return inner.join(' ');
        });
        lines.push(`${indent}${cells.join(' | ')}`);
      }
      return;
    case 'ActionSet':
      renderActions(asArray(el.actions), choices, indent, lines);
      return;
    default:
      if (typeof el.type === 'string' && el.type.startsWith('Input.')) lines.push(`${indent}[${el.type} ${str(el.label) || str(el.id)}: not supported in the terminal chat]`);
  }
}

function renderActions(actions: Json[], choices: Choice[], indent: string, lines: string[]): void {
  for (const action of actions) {
    const title = str(action.title);
    switch (action.type) {
      case 'Action.ShowCard':
        // "Show more" content: shown inline, the terminal has room.
        lines.push(`${indent}> ${title}:`);
        lines.push(renderAdaptiveCard((action.card ?? {}) as Json, choices, `${indent}  `));
        break;
      case 'Action.OpenUrl':
        lines.push(`${indent}${title}: ${str(action.url)}`);
        break;
      case 'Action.Submit':
      case 'Action.Execute':
        lines.push(`${indent}[${addChoice(choices, submitChoice(title, action))}] ${title}`);
        break;
      default:
        break;
    }
  }
}

/** Action.Submit data as Web Chat and Teams send it: msteams imBack/messageBack become text, the rest a value. */
function submitChoice(label: string, action: Json): Choice {
  const data = action.data as Json | string | undefined;
  if (typeof data === 'string') return { label, text: data };
  const teams = (data?.msteams ?? undefined) as Json | undefined;
  if (teams?.type === 'imBack') return { label, text: str(teams.value) };
  if (teams?.type === 'messageBack') return { label, text: str(teams.text) || undefined, value: teams.value };
  const { msteams: _ignored, ...rest } = data ?? {};
  return { label, value: action.type === 'Action.Execute' ? { verb: action.verb, ...rest } : rest };
}

function cardActionChoice(a: CardAction): Choice {
  const label = a.title ?? String(a.value ?? '');
  switch (a.type) {
    case 'openUrl':
      return { label, url: String(a.value) };
    case 'postBack':
    case 'messageBack':
      return { label, text: a.text ?? (typeof a.value === 'string' ? a.value : undefined), value: typeof a.value === 'object' ? a.value : undefined };
    default:
      return { label, text: typeof a.value === 'string' ? a.value : label };
  }
}

function addChoice(choices: Choice[], choice: Choice): number {
  choices.push(choice);
  return choices.length;
}
