// Public face of the error-code decoder and finder. Canonical forms (what evidence and signatures match on):
//   Win32 (any notation) "0x80070542"; other HRESULT / SSPI / NTSTATUS "0x8009030E" / "0xC000006D";
//   Kerberos "KRB:0x29" (two upper-case hex digits); HTTP status "401.1" ("500.0" when no substatus); event "4625".
export { canonicalCode, type CodeHint } from './canonical.js';
export { decodeCode } from './decode.js';
export { equivalentCodes } from './equivalents.js';
export { describeEvent, type EventDescription } from './events.js';
export { explainInput } from './explain.js';
export { findCodes, type CodeMention } from './find.js';
export { formatDecoded } from './format.js';
export { decodeStatus } from './status.js';
