// Nest injection tokens of the executor's HTTP API.
export const MESSAGE_HANDLER = Symbol('MESSAGE_HANDLER');
export const LOG_FILE_READER = Symbol('LOG_FILE_READER');
export const CLUSTER_SECRETS = Symbol('CLUSTER_SECRETS');
