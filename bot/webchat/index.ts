// The web chat: the /chat page with Bot Framework Web Chat (bundled from npm), its embed snippets and theming.
export { renderChatPage, type ChatPageConfig } from './chat-page.js';
export { embedSnippets, renderEmbedPage } from './embed-page.js';
export { registerWebChatRoutes, type WebChatRoutesDeps } from './register.js';
export {
  AssetMissingError,
  assetRoute,
  loadAsset,
  publicAssetPath,
  webChatBundlePath,
  type StaticAsset,
} from './static-assets.js';
export { DEFAULT_THEME, isHexColour, resolveTheme, type ChatTheme, type ThemeDefaults } from './theme.js';
