// `npm run chat [-- --url http://127.0.0.1:3978]`: a terminal chat with a local-mode bot. Type messages; pick a
// card action by its number; `/upload PATH [message]` sends a file; `/new` starts a new case; `/quit` leaves.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ChatClient, ChatClientError, fileAttachment, renderActivities, type Choice, type SendOptions } from '../bot/local-chat/index.js';

const HELP = 'Commands: /upload PATH [message]  /new  /help  /quit   (a number picks a card action)';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://127.0.0.1:3978' } } });
  const baseUrl = (values.url ?? 'http://127.0.0.1:3978').replace(/\/+$/, '').replace(/\/api\/messages$/, '');
  const client = new ChatClient(baseUrl);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // Take lines from the start: the iterator buffers them, so piped input (a scripted session) is not lost while a turn runs.
  const lines = rl[Symbol.asyncIterator]();
  let choices: Choice[] = [];
  const show = (activities: Awaited<ReturnType<ChatClient['send']>>) => {
    const rendered = renderActivities(activities);
    choices = rendered.choices;
    process.stdout.write(`\nbot> ${rendered.text.replace(/\n/g, '\n     ')}\n\n`);
  };
  const attempt = async (work: () => Promise<Awaited<ReturnType<ChatClient['send']>>>) => {
    try {
      show(await work());
    } catch (err) {
      if (!(err instanceof ChatClientError)) throw err;
      process.stdout.write(`! ${err.message}\n`);
    }
  };

  process.stdout.write(`Local chat with ${baseUrl}. ${HELP}\n`);
  await attempt(() => client.startConversation());
  rl.setPrompt('you> ');
  rl.prompt();
  // Ends on /quit or Ctrl+D.
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = next.value.trim();
    await handle(line);
    if (line === '/quit' || line === '/exit') break;
    rl.prompt();
  }
  rl.close();

  async function handle(line: string): Promise<void> {
    if (!line || line === '/quit' || line === '/exit') return;
    if (line === '/help') {
      process.stdout.write(`${HELP}\n`);
      return;
    }
    if (line === '/new') {
      await attempt(() => client.startConversation());
      return;
    }
    const upload = /^\/upload\s+("([^"]+)"|(\S+))\s*(.*)$/.exec(line);
    if (upload) {
      const path = upload[2] ?? upload[3];
      await attempt(async () => client.send({ text: upload[4] || undefined, attachments: [await fileAttachment(path)] }));
      return;
    }
    const pick = /^\d+$/.test(line) ? choices[Number(line) - 1] : undefined;
    if (pick?.url) {
      process.stdout.write(`open: ${pick.url}\n`);
      return;
    }
    const message: SendOptions = pick ? { text: pick.text, value: pick.value } : { text: line };
    await attempt(() => client.send(message));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
