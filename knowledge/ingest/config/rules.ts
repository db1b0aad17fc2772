// Which settings become evidence: element path below <configuration> (locations stripped) -> attributes to report.
// Keys are "<path>@<attribute>" exactly as knowledge/FACTS.md lists them.

const POOL_ATTRS = ['managedPipelineMode', 'managedRuntimeVersion'];
const PROCESS_MODEL_ATTRS = ['identityType', 'userName', 'password', 'loadUserProfile'];
const AUTH = 'system.webServer/security/authentication';

export const ATTRIBUTE_RULES: Record<string, string[]> = {
  'system.web/identity': ['impersonate', 'userName', 'password'],
  'system.web/authentication': ['mode'],
  'system.web/pages': ['aspCompat'],
  'system.webServer/validation': ['validateIntegratedModeConfiguration'],
  [`${AUTH}/windowsAuthentication`]: [
    'enabled',
    'useKernelMode',
    'useAppPoolCredentials',
    'authPersistNonNTLM',
  ],
  [`${AUTH}/windowsAuthentication/extendedProtection`]: ['tokenChecking'],
  [`${AUTH}/anonymousAuthentication`]: ['enabled', 'userName', 'password'],
  [`${AUTH}/basicAuthentication`]: ['enabled', 'logonMethod'],
  [`${AUTH}/digestAuthentication`]: ['enabled'],
  'system.applicationHost/applicationPools/add': POOL_ATTRS,
  'system.applicationHost/applicationPools/add/processModel': PROCESS_MODEL_ATTRS,
  'system.applicationHost/applicationPools/applicationPoolDefaults': POOL_ATTRS,
  'system.applicationHost/applicationPools/applicationPoolDefaults/processModel': PROCESS_MODEL_ATTRS,
  // The ASP.NET Core Module hosts the site: classic <identity impersonate> in system.web does nothing there.
  'system.webServer/aspNetCore': ['hostingModel', 'processPath'],
  'runtime/legacyImpersonationPolicy': ['enabled'],
  'runtime/alwaysFlowImpersonationPolicy': ['enabled'],
};

export const PROVIDERS_PATH = `${AUTH}/windowsAuthentication/providers`;

/**
 * Schema defaults that decide a diagnosis when an applicationHost.config element leaves them out: kernel-mode
 * authentication is on, and it decrypts tickets with the machine account's key unless useAppPoolCredentials is set.
 * Only for applicationHost.config: an attribute left out of a web.config may be set at the server level.
 */
export const APPHOST_DEFAULTS: Record<string, Record<string, string>> = {
  [`${AUTH}/windowsAuthentication`]: { useKernelMode: 'true', useAppPoolCredentials: 'false' },
};

export type ConfigRole = 'web.config' | 'applicationHost.config' | 'aspnet.config';

/** The file's role from its name (IIS Express's applicationhost.config included), else from what it holds. */
export function configRole(file: string, hasApplicationHost: boolean, hasRuntimeOnly: boolean): ConfigRole {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1).toLowerCase();
  if (base === 'applicationhost.config' || hasApplicationHost) return 'applicationHost.config';
  if (base === 'aspnet.config' || (base !== 'web.config' && hasRuntimeOnly)) return 'aspnet.config';
  return 'web.config';
}
