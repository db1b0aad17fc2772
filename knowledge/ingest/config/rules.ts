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
  'runtime/legacyImpersonationPolicy': ['enabled'],
  'runtime/alwaysFlowImpersonationPolicy': ['enabled'],
};

export const PROVIDERS_PATH = `${AUTH}/windowsAuthentication/providers`;

export type ConfigRole = 'web.config' | 'applicationHost.config' | 'aspnet.config';

/** The file's role from its name (IIS Express's applicationhost.config included), else from what it holds. */
export function configRole(file: string, hasApplicationHost: boolean, hasRuntimeOnly: boolean): ConfigRole {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1).toLowerCase();
  if (base === 'applicationhost.config' || hasApplicationHost) return 'applicationHost.config';
  if (base === 'aspnet.config' || (base !== 'web.config' && hasRuntimeOnly)) return 'aspnet.config';
  return 'web.config';
}
