import { importPackage } from '../../packages.js';

/**
 * The region a shared-config profile names, for the caller's region resolution
 * (`--region` > AWS_REGION > AWS_DEFAULT_REGION > the profile's `region` > a default), the order
 * the AWS CLI uses. Loads only the SDK's ini reader, not a service client.
 */
export async function profileRegion(profile?: string): Promise<string | undefined> {
  const { loadSharedConfigFiles } = await importPackage<typeof import('@smithy/core/config')>('@smithy/core/config');
  const name = profile || process.env.AWS_PROFILE || 'default';
  try {
    const { configFile, credentialsFile } = await loadSharedConfigFiles();
    return configFile[name]?.region || credentialsFile[name]?.region || undefined;
  } catch {
    return undefined;
  }
}
