// `cli classify [--json] "text"`: the intent and entities the bot would see for one message.
import type { Classification } from '../../knowledge/intents/index.js';
import { loadOrTrainIntentClassifier } from '../../runtime/intent-model.js';
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

function formatHuman(c: Classification): string {
  const lines = [
    `intent:     ${c.intent} (${(c.confidence * 100).toFixed(1)}%${c.lowConfidence ? ', low confidence: the bot would ask' : ''})`,
    `decided by: ${c.source}`,
    `runner-up:  ${c.alternatives.slice(0, 3).map((a) => `${a.intent} ${(a.confidence * 100).toFixed(1)}%`).join(', ') || '-'}`,
  ];
  if (c.entities.length === 0) lines.push('entities:   none');
  else {
    lines.push('entities:');
    for (const e of c.entities) {
      lines.push(`  ${e.type.padEnd(12)} ${JSON.stringify(e.value)} [${e.start}, ${e.end})${e.canonical ? ` -> ${e.canonical}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const command: CliCommand = {
  name: 'classify',
  summary: 'show the intent, confidence and entities the bot reads in a message',
  usage: 'classify [--json] "<message text>"',
  async run(args, io) {
    const parsed = parseArgs(args, { values: [], flags: ['json'] });
    const text = parsed.positional.join(' ');
    if (!text.trim()) throw new UsageError('give the message to classify, e.g. classify "still getting 401.2"');
    const c = loadOrTrainIntentClassifier().classify(text);
    if (parsed.flags.has('json')) {
      const { intent, confidence, lowConfidence, alternatives, entities, source } = c;
      io.stdout(`${JSON.stringify({ intent, confidence, lowConfidence, alternatives, entities, source })}\n`);
    } else {
      io.stdout(formatHuman(c));
    }
    return 0;
  },
};

export default command;
