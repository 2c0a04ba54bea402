import { describeContainerRuntimeContract } from '../container-runtime.contract';
import { DockerContainerRuntime } from './docker-container-runtime';

describeContainerRuntimeContract('docker', async () => ({
  runtime: new DockerContainerRuntime(),
  slowMs: 1000,
}));
