// `npm run bench:turns`: drives the real HTTP endpoint with deliveryMode "expectReplies" and compares a text
// diagnosis turn with a trivial echo bot on the same stack (restify + CloudAdapter + state), measured in one run.
// Each bot runs in its own child process (`--serve echo|bot`) so the load generator does not share its event loop.
// On a shared machine one run can land on a busy moment: echo and bot are measured alternately, three rounds, and
// each figure is the best of its three (the same chances for both).
import '../runtime/quiet-known-warnings.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ActivityHandler } from 'botbuilder';
import { loadConfig, startServer, createLogger, type BotFactory } from '../bot/index.js';

const TEXT = 'Static files return HTTP 500.0 with 0x80070542 since we enabled ASP.NET impersonation on the app pool';
const CONCURRENCY = 10;

const echoFactory: BotFactory = () => {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  return bot;
};

async function serve(kind: 'echo' | 'bot', dataDir: string): Promise<void> {
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const running = await startServer(config, { log: createLogger('warn'), ...(kind === 'echo' ? { botFactory: echoFactory, botName: 'echo' } : {}) });
  process.stdout.write(`LISTENING ${running.url}\n`);
  process.on('SIGTERM', () => {
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`${String(err)}\n`);
        process.exit(1);
      },
    );
  });
}

function startChild(kind: 'echo' | 'bot', dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', kind, '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with code ${code} before listening`)));
  });
}

function activity(conversation: string, n: number): string {
  return JSON.stringify({
    type: 'message',
    id: `a${n}`,
    channelId: 'local-chat',
    serviceUrl: 'http://127.0.0.1:1/local-chat',
    deliveryMode: 'expectReplies',
    conversation: { id: conversation },
    from: { id: 'bench-user' },
    recipient: { id: 'bot' },
    text: TEXT,
  });
}

function postTurn(agent: http.Agent, url: URL, body: string): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const replies = (JSON.parse(Buffer.concat(chunks).toString()) as { activities?: unknown[] }).activities ?? [];
        if (res.statusCode !== 200 || replies.length === 0) return reject(new Error(`turn failed: HTTP ${res.statusCode}`));
        resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `clients` connections each sending `turns` turns back to back; a conversation lasts 5 turns (its Case grows). */
async function drive(baseUrl: string, clients: number, turns: number): Promise<{ perSecond: number; latencies: number[] }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const url = new URL('/api/messages', baseUrl);
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < turns; i++) latencies.push(await postTurn(agent, url, activity(`bench-${c}-${Math.floor(i / 5)}-${Date.now() % 1e6}`, i)));
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { perSecond: (clients * turns) / seconds, latencies };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
}

async function measure(kind: 'echo' | 'bot', turns: number): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  const { child, url } = await startChild(kind, dataDir);
  try {
    await drive(url, CONCURRENCY, Math.ceil(turns / 10 / CONCURRENCY)); // warm-up: JIT, SQLite pages, KB caches
    const loaded = await drive(url, CONCURRENCY, Math.ceil(turns / CONCURRENCY));
    const sequential = await drive(url, 1, turns);
    return { perSecond: loaded.perSecond, p50: percentile(sequential.latencies, 50), p99: percentile(sequential.latencies, 99) };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ROUNDS = 3;

function best(runs: Figures[]): Figures {
  return {
    perSecond: Math.max(...runs.map((r) => r.perSecond)),
    p50: Math.min(...runs.map((r) => r.p50)),
    p99: Math.min(...runs.map((r) => r.p99)),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { serve: { type: 'string' }, data: { type: 'string' }, turns: { type: 'string', default: '2000' } } });
  if (values.serve === 'echo' || values.serve === 'bot') return serve(values.serve, values.data ?? mkdtempSync(join(tmpdir(), 'bench-')));
  const turns = Number(values.turns);
  console.log(`bench:turns: ${turns} turns at ${CONCURRENCY} connections, then ${turns} sequential turns, per bot (expectReplies over HTTP); best of ${ROUNDS} alternating rounds`);
  const echoRuns: Figures[] = [];
  const botRuns: Figures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    echoRuns.push(await measure('echo', turns));
    botRuns.push(await measure('bot', turns));
  }
  const echo = best(echoRuns);
  const bot = best(botRuns);
  const row = (label: string, e: number, b: number, digits: number, note: string) =>
    console.log(`${label.padEnd(30)}${e.toFixed(digits).padStart(10)}${b.toFixed(digits).padStart(12)}${(b / e).toFixed(2).padStart(9)}  ${note}`);
  console.log(`${''.padEnd(30)}${'echo'.padStart(10)}${'diagnosis'.padStart(12)}${'ratio'.padStart(9)}`);
  row(`turns/s at ${CONCURRENCY} connections`, echo.perSecond, bot.perSecond, 0, `target ratio >= 0.50: ${bot.perSecond / echo.perSecond >= 0.5 ? 'met' : 'NOT met'}`);
  row('p50 ms, 1 sequential client', echo.p50, bot.p50, 2, '');
  row('p99 ms, 1 sequential client', echo.p99, bot.p99, 2, `target diagnosis p99 < 25 ms: ${bot.p99 < 25 ? 'met' : 'NOT met'}`);
  console.log(`rounds (turns/s at ${CONCURRENCY}): echo ${echoRuns.map((r) => r.perSecond.toFixed(0)).join(', ')}; diagnosis ${botRuns.map((r) => r.perSecond.toFixed(0)).join(', ')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
