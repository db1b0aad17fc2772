// The shape every CLI subcommand has, so main.ts can dispatch and tests can run a command in-process.

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (progress bars only then). */
  isTTY: boolean;
}

/** Exit codes: 0 a result was produced, 1 no input could be read, 2 wrong usage. */
export interface CliCommand {
  name: string;
  /** One line for `cli --help`. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
