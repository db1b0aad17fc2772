// The handoff packet: built from the Case, the transcript and the recorded uploads, redacted throughout.
export { buildPacket, escalationTrigger, type PacketInput } from './build-packet.js';
export { cleanText, deepRedact } from './deep-redact.js';
export { NOT_ANSWERED, packetQuestions } from './packet-questions.js';
export { MAX_COPY_CHARS, recordUploads, type FileCollectorLike } from './record-uploads.js';
