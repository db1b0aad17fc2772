export { AttachmentService, type AttachmentServiceOptions, type CollectedFiles } from './attachment-service.js';
export { isPublicAddress } from './address-policy.js';
export { decodeDataUrl } from './data-url.js';
export { openDownload, type DownloadLimits } from './download.js';
export { AttachmentError, type AttachmentFailure } from './errors.js';
export { fileRefs, safeFileName, LOCAL_CHAT_CHANNEL_ID, TEAMS_FILE_DOWNLOAD_INFO, type FileRef } from './file-refs.js';
export { publicOnlyLookup, PrivateAddressError } from './safe-lookup.js';
export { checkUrl, hostMatches, type UrlPolicy } from './url-policy.js';
