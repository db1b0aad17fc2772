// `cli explain <code or text>`: decode error codes in any notation.
import { explainInput, formatDecoded } from '../../knowledge/codes/index.js';
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

const command: CliCommand = {
  name: 'explain',
  summary: 'decode an error code (HRESULT, Win32, NTSTATUS, SEC_E_*, Kerberos, IIS status, event id)',
  usage: 'explain [--json] <code or pasted error text>',
  async run(args, io) {
    const parsed = parseArgs(args, { values: [], flags: ['json'] });
    const input = parsed.positional.join(' ').trim();
    if (!input) throw new UsageError('give a code to explain, e.g. explain 0x80070542');
    const decoded = explainInput(input);
    if (parsed.flags.has('json')) {
      io.stdout(`${JSON.stringify({ input, codes: decoded }, null, 2)}\n`);
    } else if (decoded.length === 0) {
      io.stdout(`No error code I know in "${input}".\n`);
    } else {
      io.stdout(`${decoded.map(formatDecoded).join('\n\n')}\n`);
    }
    return decoded.length > 0 ? 0 : 1;
  },
};

export default command;
