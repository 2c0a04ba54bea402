import { ContainerRuntime, ContainerSummary } from '../runtime/container-runtime.port';
import { INSTANCE_ID_LABEL, INSTANCE_INFO_LABEL, JOB_TYPE_LABEL, isDroveContainer } from './drove-labels';

// Which Drove containers one executor recovers and reaps. Drove assumes one executor per host and takes every
// labelled container; here an executor claims only those whose `drove.instance.info` names its own id, so
// executors sharing one engine (tests, a dev cluster, two executors on a host) never take over or remove each
// other's containers.
export interface Ownership {
  executorId: string;
  // Written into the records of containers adopted from another executor id (`adoptOthers`).
  hostname: string;
  // Drove's behaviour: also claim containers labelled for another executor id or for none (after a hostname or
  // port change, the old id's containers would otherwise run on unmanaged). Only for one executor per engine.
  adoptOthers?: boolean;
  // Only containers carrying these labels too (`options.containerLabels`).
  scope?: Record<string, string>;
}

// The executor id in the instance info label; undefined when the label is missing, not JSON or has no id
// (containers whose owner cannot be told are never claimed without `adoptOthers`).
export function ownerOf(labels: Record<string, string>): string | undefined {
  try {
    const info: unknown = JSON.parse(labels[INSTANCE_INFO_LABEL] ?? '');
    const id = typeof info === 'object' && info !== null ? (info as { executorId?: unknown }).executorId : '';
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

export function claims(ownership: Ownership, labels: Record<string, string>): boolean {
  return isDroveContainer(labels) && (!!ownership.adoptOthers || ownerOf(labels) === ownership.executorId);
}

// Drove containers in scope, running or not, claimed or not.
export async function droveContainersInScope(
  runtime: ContainerRuntime,
  ownership: Ownership,
  labels: readonly string[] = [],
): Promise<ContainerSummary[]> {
  const found = await runtime.list({
    labels: {
      ...ownership.scope,
      [JOB_TYPE_LABEL]: true,
      [INSTANCE_ID_LABEL]: true,
      ...Object.fromEntries(labels.map((l) => [l, true])),
    },
    all: true,
  });
  return found.filter((c) => isDroveContainer(c.labels));
}

// Drove containers in scope that this executor leaves alone: it neither adopts nor reaps them, so an operator
// must see them (an executor whose id changed leaves its old containers behind, still running).
export async function unclaimedContainers(
  runtime: ContainerRuntime,
  ownership: Ownership,
): Promise<ContainerSummary[]> {
  const found = await droveContainersInScope(runtime, ownership);
  return found.filter((c) => !claims(ownership, c.labels));
}

// One line per owner for the startup log.
export function describeUnclaimed(containers: readonly ContainerSummary[]): string[] {
  const byOwner = new Map<string, string[]>();
  for (const c of containers) {
    const owner = ownerOf(c.labels) ?? 'no executor id (unreadable drove.instance.info)';
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), `${c.name} (${c.status})`]);
  }
  return [...byOwner].map(
    ([owner, names]) => `${names.length} Drove container(s) of ${owner} left alone: ${names.join(', ')}`,
  );
}
