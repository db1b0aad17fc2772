// Public face of the Teams app manifest tooling (template, icons, schema check, package).
export {
  BRAND_COLOR,
  COLOR_ICON_SIZE,
  OUTLINE_ICON_SIZE,
  drawColorIcon,
  drawOutlineIcon,
  renderIcons,
  type TeamsIcons,
} from './icons.js';
export { COLOR_TYPE_RGBA, PngEncodeError, encodePng } from './png-encode.js';
export {
  ManifestSchemaError,
  assertValidManifest,
  bundledSchemaFile,
  loadBundledSchema,
  validateManifest,
} from './schema.js';
export {
  TEAMS_APP_ID_NAMESPACE,
  TeamsConfigError,
  defaultTeamsAppId,
  readTeamsConfig,
  type ConfigProblem,
  type TeamsPackageConfig,
} from './teams-config.js';
export {
  COLOR_ICON_FILE,
  OUTLINE_ICON_FILE,
  buildTeamsPackage,
  type TeamsAppPackage,
} from './teams-package.js';
export {
  ManifestTemplateError,
  TEMPLATE_FILE,
  fillTemplate,
  placeholderValues,
  placeholdersIn,
  readTemplate,
  type Json,
  type PlaceholderValues,
} from './template.js';
export { isGuid, uuidV5 } from './uuid-v5.js';
