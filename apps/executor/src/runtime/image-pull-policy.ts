import { ContainerRuntime, RegistryCredentials } from './container-runtime.port';

// IF_ABSENT keeps clusters without registry access working with preloaded images; ALWAYS refreshes mutable tags.
export type ImagePullPolicy = 'IF_ABSENT' | 'ALWAYS';

export interface EnsureImageOptions {
  policy: ImagePullPolicy;
  timeoutMs: number;
  credentials?: RegistryCredentials;
}

// Drove's dockerAuth lookup: credentials are keyed by the registry host, the part of the image reference
// before its first '/' (so `library/nginx` or `nginx` find nothing and are pulled anonymously).
export function registryCredentials(
  image: string,
  entries: Record<string, { username: string; password: string }>,
): RegistryCredentials | undefined {
  const slash = image.indexOf('/');
  if (slash < 0) return undefined;
  const host = image.slice(0, slash);
  const entry = entries[host];
  return entry ? { ...entry, serverAddress: host } : undefined;
}

// Returns whether a pull was made.
export async function ensureImage(
  runtime: ContainerRuntime,
  image: string,
  options: EnsureImageOptions,
): Promise<boolean> {
  if (options.policy === 'IF_ABSENT' && (await runtime.hasImage(image))) {
    return false;
  }
  await runtime.pullImage(image, options.timeoutMs, options.credentials);
  return true;
}
