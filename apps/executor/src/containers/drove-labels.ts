import { JobType } from './container-spec';
import { ExecutorInstanceInfo } from './executor-instance-info';

// Drove's container labels (DockerLabels in drove-executor): a restarted executor rebuilds everything it needs
// from them, and they mark which containers are Drove's to manage at all.
export const JOB_TYPE_LABEL = 'drove.job.type';
export const INSTANCE_ID_LABEL = 'drove.instance.id';
export const INSTANCE_SPEC_LABEL = 'drove.instance.spec';
export const INSTANCE_INFO_LABEL = 'drove.instance.info';

const JOB_TYPES: readonly JobType[] = ['SERVICE', 'COMPUTATION', 'LOCAL_SERVICE'];

export interface DroveLabelValues {
  jobType: JobType;
  instanceId: string;
  // The instance spec as the controller sent it; opaque here.
  spec: unknown;
  info: ExecutorInstanceInfo;
}

export function droveLabels(
  values: DroveLabelValues,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ...extra,
    [JOB_TYPE_LABEL]: values.jobType,
    [INSTANCE_ID_LABEL]: values.instanceId,
    [INSTANCE_SPEC_LABEL]: JSON.stringify(values.spec),
    [INSTANCE_INFO_LABEL]: JSON.stringify(values.info),
  };
}

// Has the two labels that make a container Drove's (what zombie reaping keys on).
export function isDroveContainer(labels: Record<string, string>): boolean {
  return JOB_TYPES.includes(labels[JOB_TYPE_LABEL] as JobType) && !!labels[INSTANCE_ID_LABEL];
}

// Undefined unless all four labels are present and well-formed.
export function parseDroveLabels(labels: Record<string, string>): DroveLabelValues | undefined {
  if (!isDroveContainer(labels)) return undefined;
  try {
    const spec: unknown = JSON.parse(labels[INSTANCE_SPEC_LABEL] ?? '');
    const info = JSON.parse(labels[INSTANCE_INFO_LABEL] ?? '') as ExecutorInstanceInfo;
    if (typeof info !== 'object' || info === null || info.instanceId !== labels[INSTANCE_ID_LABEL])
      return undefined;
    return { jobType: labels[JOB_TYPE_LABEL] as JobType, instanceId: info.instanceId, spec, info };
  } catch {
    return undefined;
  }
}
