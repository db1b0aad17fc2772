// The static pages Teams links to from the app's details: GET /privacy and GET /terms.
export { privacyPage, privacyRoute, type PrivacyPageOptions } from './privacy-page.js';
export { termsPage, termsRoute } from './terms-page.js';
export { renderTextPage, textPageRoute, type TextPage } from './page.js';
