export { ChatClient, ChatClientError, fileAttachment, type SendOptions } from './chat-client.js';
export { renderActivities, renderAdaptiveCard, type Choice, type Rendered } from './render-activity.js';
