// HTTP doors for engineers: the tickets API (behind ENGINEERS_API_KEY) and the embedded console page.
export { apiKeyMatches } from './api-key.js';
export { consolePage, registerConsolePage } from './console-page.js';
export { registerTicketRoutes, type TicketRouteDeps } from './ticket-routes.js';
