import { droveTestImages } from '../runtime/hollow/drove-test-images';
import { HollowContainerRuntime } from '../runtime/hollow/hollow-container-runtime';
import { foreignContainer } from './foreign-container.fixture';

export function hollowRuntime(): HollowContainerRuntime {
  return new HollowContainerRuntime({ images: droveTestImages(10) });
}

// A running hollow http-server container without Drove labels.
export async function runningHollowContainer(): Promise<{ runtime: HollowContainerRuntime; id: string }> {
  const runtime = hollowRuntime();
  const id = await runtime.create(foreignContainer('hollow', {}));
  await runtime.start(id);
  return { runtime, id };
}
