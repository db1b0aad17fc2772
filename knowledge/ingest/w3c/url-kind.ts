// What a URL stem is: the site's default/index page, or a static file. The MBAM signature is "index page works,
// everything else (styles, scripts, images, other pages) fails".

const STATIC_EXT = new Set([
  'css', 'js', 'mjs', 'map', 'png', 'gif', 'jpg', 'jpeg', 'ico', 'svg', 'bmp', 'webp',
  'woff', 'woff2', 'ttf', 'eot', 'otf', 'htm', 'html', 'txt', 'xml', 'json', 'pdf', 'zip',
]);

/** True for "/", a folder ("/HelpDesk/") or a default document (default.aspx, index.html, home.htm...). */
export function isIndexPage(stem: string): boolean {
  if (stem === '' || stem.endsWith('/')) return true;
  const start = stem.lastIndexOf('/') + 1;
  // Runs for every request: answer most stems without the slice and lower-casing below. An ASCII first letter other
  // than d, i or h cannot lower-case into "default", "index" or "home" (non-ASCII goes the full way).
  const c = stem.charCodeAt(start);
  if (c < 128 && c !== 100 && c !== 105 && c !== 104 && c !== 68 && c !== 73 && c !== 72) return false;
  const last = stem.slice(start).toLowerCase();
  return /^(default|index|home)\.(html?|aspx?|php|cshtml)$/.test(last);
}

/** The last extension looked up and its answer: a log's failing requests mostly share a few extensions. */
let lastExt = '';
let lastStatic = false;

/** True when the stem ends in a static-file extension. */
export function isStaticFile(stem: string): boolean {
  const dot = stem.lastIndexOf('.');
  if (dot === -1 || dot < stem.lastIndexOf('/')) return false;
  const ext = stem.slice(dot + 1);
  if (ext !== lastExt) {
    lastExt = ext;
    lastStatic = STATIC_EXT.has(ext.toLowerCase());
  }
  return lastStatic;
}

/** True for loopback client addresses (the loopback check only hits requests from the server itself). */
export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip === '0:0:0:0:0:0:0:1' || ip.startsWith('::ffff:127.');
}
