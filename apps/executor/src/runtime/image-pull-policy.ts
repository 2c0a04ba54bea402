import { ContainerRuntime } from './container-runtime.port';

// IF_ABSENT keeps clusters without registry access working with preloaded images; ALWAYS refreshes mutable tags.
export type ImagePullPolicy = 'IF_ABSENT' | 'ALWAYS';

export interface EnsureImageOptions {
  policy: ImagePullPolicy;
  timeoutMs: number;
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
  await runtime.pullImage(image, options.timeoutMs);
  return true;
}
