export * from './load-config';
export * from './read-config-file';
