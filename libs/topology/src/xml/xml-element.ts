export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}
