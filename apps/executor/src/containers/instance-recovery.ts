import { ContainerRuntime } from '../runtime/container-runtime.port';
import { INSTANCE_INFO_LABEL, INSTANCE_SPEC_LABEL, parseDroveLabels } from './drove-labels';
import { Ownership, claims, droveContainersInScope } from './container-ownership';
import { ExecutorInstanceInfo, LocalInstanceInfo } from './executor-instance-info';
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

// After an executor restart: every running container carrying all of Drove's labels that `ownership` claims,
// with its instance record rebuilt from them. Host ports are taken from the engine, which is the truth even when
// they were chosen by it. Unlike Drove, task containers that finished while the executor was down are returned
// too (with their exit code), so their result is reported instead of the task being marked LOST. Stopped app and
// local-service containers and containers with broken labels are skipped (the zombie reaper deals with them).
// A container adopted from another executor id reports as this executor's from now on.
export async function recoverInstances(
  runtime: ContainerRuntime,
  ownership: Ownership,
): Promise<RecoveredInstance[]> {
  const containers = await droveContainersInScope(runtime, ownership, [
    INSTANCE_SPEC_LABEL,
    INSTANCE_INFO_LABEL,
  ]);
  const recovered: RecoveredInstance[] = [];
  for (const container of containers.filter((c) => claims(ownership, c.labels))) {
    const labels = parseDroveLabels(container.labels);
    const details = labels && (await runtime.inspect(container.id));
    if (!labels || !details) continue;
    const finishedTask = !details.running && details.status === 'exited' && labels.jobType === 'COMPUTATION';
    if (!details.running && !finishedTask) continue;
    const { info } = labels;
    const portSpecs = Object.entries(info.localInfo?.ports ?? {}).map(([name, p]) => ({
      name,
      port: p.containerPort,
      type: p.portType,
    }));
    const localInfo = { ...info.localInfo, ports: portInfoFrom(portSpecs, details.ports) };
    recovered.push({
      containerId: container.id,
      name: container.name,
      jobType: labels.jobType,
      instanceId: labels.instanceId,
      spec: labels.spec,
      info:
        info.executorId === ownership.executorId
          ? { ...info, localInfo }
          : reowned(info, localInfo, ownership),
      startedAt: details.startedAt,
      running: details.running,
      exitCode: finishedTask ? details.exitCode : undefined,
    });
  }
  return recovered;
}

function reowned(
  info: ExecutorInstanceInfo,
  localInfo: LocalInstanceInfo,
  ownership: Ownership,
): ExecutorInstanceInfo {
  const { executorId, hostname } = ownership;
  return { ...info, executorId, hostname, localInfo: { ...localInfo, hostname } };
}
