import { ContainerRuntime } from '../runtime/container-runtime.port';
import {
  INSTANCE_ID_LABEL,
  INSTANCE_INFO_LABEL,
  INSTANCE_SPEC_LABEL,
  JOB_TYPE_LABEL,
  parseDroveLabels,
} from './drove-labels';
import { ExecutorInstanceInfo } from './executor-instance-info';
import { JobType } from './container-spec';
import { portInfoFrom } from './instance-ports';

export interface RecoveredInstance {
  containerId: string;
  name: string;
  jobType: JobType;
  instanceId: string;
  // The instance spec as the controller sent it (from the label); the caller validates it.
  spec: unknown;
  info: ExecutorInstanceInfo;
  startedAt?: number;
  running: boolean;
  // Set for a task that ended while the executor was down: its result can still be reported.
  exitCode?: number;
}

// After an executor restart: every running container carrying all of Drove's labels, with its instance record
// rebuilt from them. Host ports are taken from the engine, which is the truth even when they were chosen by it.
// Unlike Drove, task containers that finished while the executor was down are returned too (with their exit
// code), so their result is reported instead of the task being marked LOST. `scope` limits the search to
// containers with these labels too, as for zombie reaping. Stopped app and local-service
// containers and containers with broken labels are skipped (the zombie reaper deals with them).
export async function recoverInstances(
  runtime: ContainerRuntime,
  scope: Record<string, string> = {},
): Promise<RecoveredInstance[]> {
  const containers = await runtime.list({
    labels: {
      ...scope,
      [JOB_TYPE_LABEL]: true,
      [INSTANCE_ID_LABEL]: true,
      [INSTANCE_SPEC_LABEL]: true,
      [INSTANCE_INFO_LABEL]: true,
    },
    all: true,
  });
  const recovered: RecoveredInstance[] = [];
  for (const container of containers) {
    const labels = parseDroveLabels(container.labels);
    const details = labels && (await runtime.inspect(container.id));
    if (!labels || !details) continue;
    const finishedTask = !details.running && details.status === 'exited' && labels.jobType === 'COMPUTATION';
    if (!details.running && !finishedTask) continue;
    const portSpecs = Object.entries(labels.info.localInfo?.ports ?? {}).map(([name, p]) => ({
      name,
      port: p.containerPort,
      type: p.portType,
    }));
    const ports = portInfoFrom(portSpecs, details.ports);
    recovered.push({
      containerId: container.id,
      name: container.name,
      jobType: labels.jobType,
      instanceId: labels.instanceId,
      spec: labels.spec,
      info: { ...labels.info, localInfo: { ...labels.info.localInfo, ports } },
      startedAt: details.startedAt,
      running: details.running,
      exitCode: finishedTask ? details.exitCode : undefined,
    });
  }
  return recovered;
}
