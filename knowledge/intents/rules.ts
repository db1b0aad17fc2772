// Deterministic rules that run before the model. They cover short commands whose meaning is unambiguous and whose
// misclassification is costly (a user who asks for a person or wants to stop must never be misread), and pasted
// error text with no conversational words at all, which is always a problem report.
import type { Intent } from './labels.js';

export interface RuleMatch {
  intent: Intent;
  rule: string;
}

const FILLER = new Set(['pls', 'plz', 'please', 'ok', 'okay', 'just', 'bot', 'now', 'thx', 'thanks', 'the', 'oh', 'um', 'uh']);

/** The first 200 characters lower-cased, straight apostrophes removed, punctuation to single spaces. */
function commandWords(text: string): string {
  return text
    .slice(0, 200)
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}

/** Lowercase, straight apostrophes removed, punctuation to spaces, polite filler trimmed from both ends. */
export function normaliseCommand(text: string): string {
  return withoutFiller(commandWords(text), text);
}

/** normaliseCommand from commandWords(text), which applyRules needs as well (computed once). */
function withoutFiller(cleaned: string, text: string): string {
  const words = cleaned.split(' ').filter(Boolean);
  while (words.length > 1 && FILLER.has(words[0])) words.shift();
  while (words.length > 1 && FILLER.has(words[words.length - 1])) words.pop();
  // A lone "?" is a request for help; keep it rather than normalising it away.
  return words.length === 0 && text.includes('?') ? '?' : words.join(' ');
}

const EXACT: Record<string, Intent> = {};
function exact(intent: Intent, phrases: string[]): void {
  for (const p of phrases) EXACT[p] = intent;
}
exact('cancel', [
  'cancel', '/cancel', 'stop', '/stop', 'quit', 'exit', 'abort', 'nevermind', 'never mind', 'nvm', 'forget it',
  'forget about it', 'start over', 'start again', 'restart', '/restart', 'reset', '/reset', 'new case',
  'cancel that', 'stop it', 'scratch that', 'drop it', 'leave it', 'enough', 'halt', 'do over', 'end chat', 'end session',
]);
exact('escalate', [
  'human', 'a human', 'agent', 'an agent', 'engineer', 'an engineer', 'person', 'real person', 'a real person',
  'escalate', '/escalate', 'escalate this', 'talk to a human', 'talk to human', 'speak to a human', 'live agent',
  'support engineer', 'operator', 'open a ticket', 'raise a ticket', 'create a ticket', 'ticket',
]);
exact('help', ['help', '/help', '?', 'menu', 'commands', 'help me', 'what can you do', 'what can i ask', 'usage']);
exact('greeting', ['hi', 'hello', 'hey', 'hiya', 'yo', 'good morning', 'good afternoon', 'morning', 'hi there', 'hello there', 'hey there']);

// Phrases that mean "get me a person" wherever they appear. Bounded, linear patterns over the normalised text.
const ESCALATE_PATTERNS: RegExp[] = [
  /\b(?:talk|speak|chat) (?:to|with) (?:a |an |some |the )?(?:real |actual |live )?(?:human|person|people|engineer|agent|someone|somebody|admin|support|expert|tech)\b/,
  /\b(?:get|give|need|want|send|connect|transfer|put) (?:me )?(?:to |through to |with )?(?:a |an |the |some |real )?(?:human|real person|live agent|engineer|support engineer|person|somebody real|someone real)\b/,
  /\bescalat(?:e|ion)\b(?! (?:policy|path|matrix))/,
  // "are you a real person" / "am i talking to a real human" ask what the bot is (help), not for a person.
  /^(?!(?:are|r) (?:you|u)\b|am i talking to\b|is this (?:a |an )?(?:bot|real)\b).*\b(?:real|actual) (?:human|person|engineer)\b/,
  /\b(?:open|file|raise|log|create|book) (?:a |an |me a )?(?:support |premier )?(?:ticket|case with|incident|call with)\b/,
  // "page the on call engineer", "i dont want to talk to a bot", "i need help from a person", "get me someone who knows iis".
  /\b(?:page|call|ping|wake up) (?:the |an? |whoever is )?on ?call\b/,
  /\bhelp from (?:a |an |some |the )?(?:real |actual )?(?:human|person|engineer|expert|admin)\b/,
  /\b(?:get|find|need|want|send) (?:me )?(?:someone|somebody) (?:who|that) (?:knows|understands|can fix|is an expert)\b/,
];

// Matched against the words before filler trimming (normaliseCommand drops a final "bot", "please", "now").
// "i dont want to talk to a bot", "this bot is useless, person please": a person, wherever they appear.
const ESCALATE_WORD_PATTERNS: RegExp[] = [
  /\b(?:dont|do not|no longer) want to (?:talk|speak|chat) (?:to|with) (?:a |the |this |your )?(?:bot|machine|robot|ai)\b/,
  /\b(?:a )?(?:human|person|engineer|real person) (?:please|pls|plz|now|asap)$/,
];
// "are you a bot", "am i talking to a bot", "is this an ai": what the bot is (help), not a request for a person.
const BOT_IDENTITY_PATTERNS: RegExp[] = [
  /^(?:are|r) (?:you|u) (?:a |an )?(?:bot|human|real|person|robot|ai|machine|chatbot)\b/,
  /^am i (?:talking|chatting|speaking) (?:to|with) (?:a |an )?(?:bot|human|real|person|robot|ai|machine|chatbot)\b/,
  /^is (?:this|it) (?:a |an )?(?:bot|ai|human|real person|robot|chatbot)\b/,
];

// Short messages (a few words) that can only mean "stop" or "start again".
const CANCEL_PATTERNS: RegExp[] = [
  /^(?:(?:ok|actually|sorry|oops|pls|so) )?(?:cancel|abort|quit|nevermind|never mind|nvm|forget it|forget about it|forget everything|scratch that|ignore that|ignore all that|start over|start again|start fresh|start from scratch|begin again)\b/,
  /\b(?:lets|let us|can we|i want to|i wanna) (?:start over|start again|start fresh|restart|quit|stop here)\b/,
  /^(?:stop|quit|exit|halt|end) (?:this|it|that|the (?:chat|conversation|session|diagnosis)|asking|please|pls|now)\b/,
  /\b(?:cancel|close|end|reset|clear) (?:the|this|my) (?:case|chat|conversation|session|request|diagnosis)\b/,
  /\b(?:cancel|nevermind|never mind|nvm)\b/,
  /\b(?:start|open|begin) (?:a )?(?:new|fresh|different) (?:case|conversation|chat|problem)\b/,
  /\b(?:dont|do not|no longer) need (?:help|it|this)(?: anymore)?\b|\b(?:not|no longer) needed\b/,
  // "i changed my mind", "abandon this case", "ignore my last message", "im done with this", "ill come back later".
  /\b(?:changed|change) my mind\b/,
  /^(?:abandon|drop|kill|ditch) (?:this|that|it|the (?:case|chat|conversation|session|request))\b/,
  /^ignore (?:my|that|the|this) (?:last |previous )?(?:message|msg|question|request)\b/,
  /^(?:im|i am|were|we are) (?:done|finished)(?: with (?:this|it|you|the chat))?(?: close (?:it|this|the case))?$/,
  /^(?:leave|park|drop) (?:it|this|that)(?: for(?: now| today)?| there)$/,
  /^(?:ill|i will|i ll) (?:come back|check back|be back|try again|return) later\b/,
];
const HELP_PATTERNS: RegExp[] = [

  /^(?:how do i|how to|how can i|how should i) (?:use (?:this|you|the bot|it)|start|get started|talk to you)\b/,
  /^(?:what|which) (?:can|do|should) (?:you|i) (?:do|ask|type|help with|support)\b/,
  /^(?:where|how) do i (?:start|begin)\b/,
];

// Words that show the user is talking, not just pasting: their presence hands pasted text back to the model.
const CHAT_WORDS = new Set([
  'i', 'im', 'ive', 'me', 'my', 'we', 'our', 'us', 'you', 'your', 'pls', 'please', 'plz', 'how', 'what', 'whats',
  'why', 'when', 'where', 'which', 'can', 'could', 'should', 'would', 'thanks', 'thx', 'thank', 'here', 'heres',
  'attached', 'attaching', 'attach', 'upload', 'uploading', 'still', 'fixed', 'worked', 'works', 'explain', 'mean',
  'means', 'help', 'hi', 'hello', 'hey', 'again', 'same', 'now', 'log', 'logs', 'trace', 'file', 'sending', 'send',
  'did', 'didnt', 'does', 'do', 'dont', 'is', 'are', 'getting', 'get', 'got', 'see', 'seeing', 'having', 'any', 'idea',
  'ideas', 'nope', 'yes', 'no', 'ok', 'so', 'but', 'after', 'since', 'tried', 'try', 'difference', 'vs',
]);

const ERROR_WORDS = /\b(?:error|exception|failed|failure|denied|unauthorized|forbidden|invalid|fault)\b/i;

/** Whether the text carries an error code: a value, or a function asked only when the answer matters (it is costly). */
export type HasCode = boolean | (() => boolean);

/** True when the text carries an error code or error wording and not one word of conversation: a bare paste. */
export function isBarePaste(text: string, hasCode: HasCode): boolean {
  const head = text.slice(0, 2000);
  const words = head.toLowerCase().replace(/['’`]/g, '').match(/[a-z]+/g) ?? [];
  if (words.some((w) => CHAT_WORDS.has(w)) || /\?\s*$/.test(text.trim())) return false;
  return ERROR_WORDS.test(head) || (typeof hasCode === 'function' ? hasCode() : hasCode);
}

/** The rule layer: exact short commands, escalation phrases, then bare error pastes. */
export function applyRules(text: string, hasCode: HasCode): RuleMatch | undefined {
  const words = commandWords(text);
  const norm = withoutFiller(words, text);
  const exactIntent = EXACT[norm];
  if (exactIntent) return { intent: exactIntent, rule: `exact-${exactIntent}` };
  if (norm.length <= 200 && ESCALATE_PATTERNS.some((p) => p.test(norm))) return { intent: 'escalate', rule: 'escalate-phrase' };
  if (ESCALATE_WORD_PATTERNS.some((p) => p.test(words))) return { intent: 'escalate', rule: 'escalate-phrase' };
  const short = norm.split(' ').length <= 8;
  if (short && BOT_IDENTITY_PATTERNS.some((p) => p.test(words))) return { intent: 'help', rule: 'bot-identity' };
  if (short && CANCEL_PATTERNS.some((p) => p.test(norm))) return { intent: 'cancel', rule: 'cancel-phrase' };
  if (short && HELP_PATTERNS.some((p) => p.test(norm))) return { intent: 'help', rule: 'help-phrase' };
  if (isBarePaste(text, hasCode)) return { intent: 'report_problem', rule: 'bare-error-paste' };
  return undefined;
}
