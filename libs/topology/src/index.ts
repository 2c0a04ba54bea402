export * from './topology';
export * from './hwloc-xml.parser';
export * from './hwloc-bitmap';
export * from './executor-capacity';
export * from './executor-options';
export * from './sysfs.reader';
export * from './system-access';
export * from './topology-discovery';
export { XmlSyntaxError } from './xml/xml-parser';
