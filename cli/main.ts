// `npm run --silent cli -- <command> ...`: the engine's command-line door.
import type { CliCommand, CliIo } from './command.js';
import { UsageError } from './command.js';
import classify from './commands/classify.js';
import diagnose from './commands/diagnose.js';
import explain from './commands/explain.js';
import kb from './commands/kb.js';
import tickets from './commands/tickets.js';

export const commands: CliCommand[] = [diagnose, explain, classify, kb, tickets];

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}".\n\n${helpText()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    throw err;
  }
}

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: npm run --silent cli -- <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run a command with --help for its options.',
    '',
  ].join('\n');
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY && process.stdout.isTTY),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`Unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
