// Zip bundles (a zipped FailedReqLogFiles folder, a support bundle of logs and configs).
export { readZip, DEFAULT_ZIP_LIMITS, type ZipLimits, type ZipItem } from './read-zip.js';
export { unsafeName, isQuietSkip } from './entry-name.js';
