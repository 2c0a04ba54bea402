export * from './specs/placement-policy';
export * from './specs/resource-requirement';
