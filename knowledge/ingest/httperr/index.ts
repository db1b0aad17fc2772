// HTTP.sys error logs (HTTPERR).
export { parseHttpErrStream, parseHttpErr } from './parse-httperr.js';
