/** The element tree the XML parser produces: small, plain data, no DOM. */
export interface XmlNode {
  /** Local name, namespace prefix removed (`ds:Signature` → `Signature`). */
  name: string;
  /** The prefix as written (`ds`), when there was one. Namespace URIs are not resolved. */
  prefix?: string;
  /** Attributes by local name; `xmlns` declarations are left out. Null-prototype object. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The element's own text and CDATA, concatenated, entities decoded, not trimmed. */
  text: string;
}
