export { diagnoseRoute, type DiagnoseRouteDeps } from './diagnose.js';
export { diagnoseBodySchema, parseDiagnoseBody, DiagnoseRequestError } from './diagnose-request.js';
export { healthzRoute, type HealthInfo } from './healthz.js';
export { messagesRoute } from './messages.js';
