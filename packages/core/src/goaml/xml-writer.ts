/** A minimal XML writer: escaped text, elements in the order given, empty optional values left out. */

/** XML 1.0 forbids most control characters even escaped; they are dropped rather than producing an unparsable file. */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A node: an element with text or children. `undefined` children are skipped, so optional fields read naturally. */
export type XmlNode = { readonly name: string; readonly text?: string; readonly children?: readonly (XmlNode | undefined)[] };

export const el = (name: string, ...children: (XmlNode | undefined)[]): XmlNode => ({ name, children });
/** A text element, or nothing when the value is missing or empty. */
export const tx = (name: string, value: string | number | boolean | undefined): XmlNode | undefined =>
  value === undefined || value === '' ? undefined : { name, text: String(value) };

export function renderXml(root: XmlNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, 0, out);
  return out.join('');
}

function write(node: XmlNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  if (node.text !== undefined) {
    out.push(`${pad}<${node.name}>${escapeXml(node.text)}</${node.name}>\n`);
    return;
  }
  const kids = (node.children ?? []).filter((c): c is XmlNode => c !== undefined);
  if (kids.length === 0) {
    out.push(`${pad}<${node.name}/>\n`);
    return;
  }
  out.push(`${pad}<${node.name}>\n`);
  for (const k of kids) write(k, depth + 1, out);
  out.push(`${pad}</${node.name}>\n`);
}
