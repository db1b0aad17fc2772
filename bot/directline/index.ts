// Direct Line for the web chat: the token exchange with the cloud service, and the embedded Direct Line 3.0 endpoint
// that lets the bot's own chat page work without any cloud account.
export { loopbackDelivery, BotDeliveryError, type BotDelivery } from './bot-delivery.js';
export { ConversationStore, STORE_DEFAULTS, type ConversationStoreOptions } from './conversation-store.js';
export { DirectLineError, DirectLineServiceError } from './errors.js';
export { LocalDirectLine, DIRECTLINE_CHANNEL_ID, type ConversationInfo } from './local-directline.js';
export { MAX_UPLOAD_FILE_BYTES, readUpload, tooLargeMessage } from './multipart-upload.js';
export { ownBaseUrlOf, NotListeningError } from './own-base-url.js';
export { registerDirectLineRoutes, type DirectLineRoutes, type DirectLineRoutesDeps } from './register.js';
export { DEFAULT_DIRECTLINE_ENDPOINT, generateToken, type GeneratedToken } from './token-client.js';
export { tokenRoute, type ChatSession, type DirectLineMode } from './token-route.js';
export { TokenSigner, type TokenClaims } from './token-signer.js';
