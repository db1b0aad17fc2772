// restify 11 requires spdy, whose http-deceiver reads process.binding('http_parser') as soon as it is loaded, so
// Node prints a DEP0111 deprecation warning on every start although nothing here speaks SPDY. Imported first by the
// programs people run (npm start, the benchmark servers), this drops that one warning and prints every other.
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;

function isHttpParserBindingWarning(warning: unknown, rest: unknown[]): boolean {
  const code = typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as { code?: unknown }).code : rest[1];
  return code === 'DEP0111' && String(warning instanceof Error ? warning.message : warning).includes("process.binding('http_parser')");
}

process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
  if (isHttpParserBindingWarning(warning, rest)) return;
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;
