import { createHash } from 'node:crypto';
import { IdGenerator } from './id-generator';

// Branded ids: a string that has been through one of the constructors below.
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type AppId = Brand<string, 'AppId'>;
export type LocalServiceId = Brand<string, 'LocalServiceId'>;
export type InstanceId = Brand<string, 'InstanceId'>;
export type TaskInstanceId = Brand<string, 'TaskInstanceId'>;
export type LocalServiceInstanceId = Brand<string, 'LocalServiceInstanceId'>;
export type TaskRunId = Brand<string, 'TaskRunId'>;
export type ExecutorId = Brand<string, 'ExecutorId'>;

// Drove joins with a plain '-' and no escaping, so `a-b`/`c` and `a`/`b-c` collide; kept for wire compatibility.
export const appIdOf = (name: string, version: string): AppId => `${name}-${version}` as AppId;
export const localServiceIdOf = (name: string, version: string): LocalServiceId =>
  `${name}-${version}` as LocalServiceId;
export const taskRunIdOf = (sourceAppName: string, taskId: string): TaskRunId =>
  `${sourceAppName}-${taskId}` as TaskRunId;

export const newAppInstanceId = (ids: IdGenerator): InstanceId => `AI-${ids.uuid()}` as InstanceId;
export const newTaskInstanceId = (ids: IdGenerator): TaskInstanceId => `TI-${ids.uuid()}` as TaskInstanceId;
export const newLocalServiceInstanceId = (ids: IdGenerator): LocalServiceInstanceId =>
  `SI-${ids.uuid()}` as LocalServiceInstanceId;

export const asAppId = (id: string): AppId => id as AppId;
export const asInstanceId = (id: string): InstanceId => id as InstanceId;
export const asExecutorId = (id: string): ExecutorId => id as ExecutorId;

// Java's UUID.nameUUIDFromBytes: an MD5 name-based (version 3) uuid of `<hostname>:<port>`, the executor id Drove
// derives, so executors keep their id across restarts and match ids a Drove controller would compute.
export const executorIdOf = (hostname: string, port: number): ExecutorId =>
  nameUuidFromString(`${hostname}:${port}`) as ExecutorId;

export const nameUuidFromString = (name: string): string => {
  const md5 = createHash('md5').update(name, 'utf8').digest();
  md5[6] = (md5[6] & 0x0f) | 0x30;
  md5[8] = (md5[8] & 0x3f) | 0x80;
  const hex = md5.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
