export * from './topology';
export * from './hwloc-xml.parser';
export * from './hwloc-bitmap';
export { XmlSyntaxError } from './xml/xml-parser';
