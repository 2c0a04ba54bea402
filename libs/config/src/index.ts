export * from './load-config';
export * from './read-config-file';
export * from './cluster-node-config';
