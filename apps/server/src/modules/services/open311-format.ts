/**
 * Open311 GeoReport v2 documents in the spec's two shapes. XML: a root element holding one
 * element per item, each field a child element (lists nest as <values><value>…). JSON: the same
 * fields, a list at the top level. The Content-Type is exactly `text/xml` or `application/json`.
 */
export type Format = 'xml' | 'json';

export const CONTENT_TYPE: Record<Format, string> = { xml: 'text/xml', json: 'application/json' };

type Scalar = string | number | boolean | null | undefined;
export type Field = Scalar | Field[] | { [k: string]: Field };

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** A value as XML: objects as child elements, arrays as repeated `itemName` elements. */
function element(name: string, value: Field, itemNames: Record<string, string>): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v, itemNames)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v, itemNames))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Element names of list items, as the spec names them. */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

export function xmlDocument(root: string, value: Field): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, value, ITEM_NAMES)}`;
}

export function render(format: Format, root: string, value: Field): string {
  return format === 'xml' ? xmlDocument(root, value) : JSON.stringify(value);
}

export interface Open311Error {
  code: number;
  description: string;
}

export function renderErrors(format: Format, errors: Open311Error[]): string {
  return render(format, 'errors', errors as unknown as Field);
}

/** ISO 8601 in Asia/Shanghai with its offset: 2026-01-05T09:30:00+08:00. */
export function shanghaiDateTime(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** `services.json` → { name: 'services', format: 'json' }; null for another extension. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(xml|json)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as Format } : null;
}
