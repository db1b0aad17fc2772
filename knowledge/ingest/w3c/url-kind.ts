// What a URL stem is: the site's default/index page, or a static file. The MBAM signature is "index page works,
// everything else (styles, scripts, images, other pages) fails".

const STATIC_EXT = new Set([
  'css', 'js', 'mjs', 'map', 'png', 'gif', 'jpg', 'jpeg', 'ico', 'svg', 'bmp', 'webp',
  'woff', 'woff2', 'ttf', 'eot', 'otf', 'htm', 'html', 'txt', 'xml', 'json', 'pdf', 'zip',
]);

/** True for "/", a folder ("/HelpDesk/") or a default document (default.aspx, index.html, home.htm...). */
export function isIndexPage(stem: string): boolean {
  if (stem === '' || stem.endsWith('/')) return true;
  const last = stem.slice(stem.lastIndexOf('/') + 1).toLowerCase();
  return /^(default|index|home)\.(html?|aspx?|php|cshtml)$/.test(last);
}

/** True when the stem ends in a static-file extension. */
export function isStaticFile(stem: string): boolean {
  const last = stem.slice(stem.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot !== -1 && STATIC_EXT.has(last.slice(dot + 1).toLowerCase());
}

/** True for loopback client addresses (the loopback check only hits requests from the server itself). */
export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip === '0:0:0:0:0:0:0:1' || ip.startsWith('::ffff:127.');
}
