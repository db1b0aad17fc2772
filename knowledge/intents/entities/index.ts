// Entity extraction: every code, account, host, URL, version, auth type and privilege in a message, with spans.
import type { Entity } from '../types.js';
import { accountCandidates } from './accounts.js';
import { authTypeCandidates } from './auth-types.js';
import { codeCandidates } from './codes.js';
import { networkCandidates } from './network.js';
import { privilegeCandidates } from './privileges.js';
import { resolveOverlaps } from './resolve.js';
import { versionCandidates } from './versions.js';

export function extractEntities(text: string): Entity[] {
  return resolveOverlaps([
    ...codeCandidates(text),
    ...privilegeCandidates(text),
    ...accountCandidates(text),
    ...networkCandidates(text),
    ...versionCandidates(text),
    ...authTypeCandidates(text),
  ]);
}
