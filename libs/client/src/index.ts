export * from './drove-client';
export type { components, operations, paths } from './generated/controller-api';
