import { ContainerRuntime } from '../runtime/container-runtime.port';

// Removes every container a test suite made (they all carry its `drove-ts.run` label), running or not.
export async function removeRunContainers(runtime: ContainerRuntime, run: string): Promise<void> {
  const ours = await runtime.list({ labels: { 'drove-ts.run': run }, all: true });
  await Promise.all(ours.map((c) => runtime.remove(c.id)));
}
