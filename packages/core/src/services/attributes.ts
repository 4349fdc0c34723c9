import { z } from 'zod';

/**
 * What an enterprise must provide for a service, as typed attributes. The datatypes are Open311
 * GeoReport v2's, so the same definitions serve the web form, the API and `services/{code}`.
 */
export const ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

export const STRING_MAX = 200;
export const TEXT_MAX = 4000;

const attributeCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'services.attribute.codeFormat' });

export const attributeValueOption = z.object({
  key: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
});

export const attributeDefinition = z
  .object({
    code: attributeCode,
    /** The question put to the enterprise (Open311 `description`). */
    name: z.string().trim().min(1).max(200),
    datatype: z.enum(ATTRIBUTE_DATATYPES),
    required: z.boolean().default(false),
    /** Help text (Open311 `datatype_description`). */
    hint: z.string().trim().max(500).nullish(),
    order: z.number().int().min(0).max(999),
    values: z.array(attributeValueOption).max(50).default([]),
  })
  .superRefine((a, ctx) => {
    const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
    if (isList && a.values.length === 0)
      ctx.addIssue({ code: 'custom', message: 'services.attribute.valuesRequired', path: ['values'] });
    if (!isList && a.values.length > 0)
      ctx.addIssue({ code: 'custom', message: 'services.attribute.valuesNotAllowed', path: ['values'] });
    const keys = a.values.map((v) => v.key);
    const dup = keys.findIndex((k, i) => keys.indexOf(k) !== i);
    if (dup >= 0) ctx.addIssue({ code: 'custom', message: 'services.attribute.duplicateValue', path: ['values', dup, 'key'] });
  });
export type AttributeDefinition = z.infer<typeof attributeDefinition>;

export const attributeDefinitions = z
  .array(attributeDefinition)
  .max(30)
  .superRefine((list, ctx) => {
    const codes = list.map((a) => a.code);
    const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i);
    if (dup >= 0) ctx.addIssue({ code: 'custom', message: 'services.attribute.duplicateCode', path: [dup, 'code'] });
  });

export type AttributeValue = string | number | string[];
export type AttributeValues = Record<string, AttributeValue>;

export interface AttributeProblem {
  /** `attributes.<code>`: the form field the message belongs to. */
  path: string;
  message:
    | 'validation.required'
    | 'services.attribute.unknown'
    | 'services.attribute.notNumber'
    | 'services.attribute.notDatetime'
    | 'services.attribute.notOption'
    | 'validation.tooLong'
    | 'validation.invalidType';
}

/** ISO 8601 date-time with a zone (Z or ±hh:mm), or a plain date. */
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * Checks submitted values against the service's definitions and returns them normalized
 * (numbers as numbers, lists as arrays of option keys). Values come from JSON (typed) or from
 * Open311's form encoding (all strings): both are accepted where the meaning is unambiguous. An
 * empty value counts as absent, as Open311 says of empty parameters.
 */
export function validateAttributeValues(
  definitions: readonly AttributeDefinition[],
  input: Record<string, unknown>,
): { ok: true; values: AttributeValues } | { ok: false; problems: AttributeProblem[] } {
  const problems: AttributeProblem[] = [];
  const values: AttributeValues = {};
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  for (const code of Object.keys(input)) {
    if (!byCode.has(code) && !isEmpty(input[code]))
      problems.push({ path: `attributes.${code}`, message: 'services.attribute.unknown' });
  }
  for (const def of [...definitions].sort((a, b) => a.order - b.order)) {
    const path = `attributes.${def.code}`;
    const raw = input[def.code];
    if (isEmpty(raw)) {
      if (def.required) problems.push({ path, message: 'validation.required' });
      continue;
    }
    const options = new Set(def.values.map((v) => v.key));
    switch (def.datatype) {
      case 'string':
      case 'text': {
        if (typeof raw !== 'string' && typeof raw !== 'number') {
          problems.push({ path, message: 'validation.invalidType' });
          break;
        }
        const text = String(raw).trim();
        if (text.length > (def.datatype === 'string' ? STRING_MAX : TEXT_MAX))
          problems.push({ path, message: 'validation.tooLong' });
        else if (text === '') {
          if (def.required) problems.push({ path, message: 'validation.required' });
        } else values[def.code] = text;
        break;
      }
      case 'number': {
        const n =
          typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
        if (!Number.isFinite(n)) problems.push({ path, message: 'services.attribute.notNumber' });
        else values[def.code] = n;
        break;
      }
      case 'datetime': {
        const ok = typeof raw === 'string' && DATETIME.test(raw.trim()) && !Number.isNaN(Date.parse(raw.trim()));
        if (!ok) problems.push({ path, message: 'services.attribute.notDatetime' });
        else values[def.code] = (raw as string).trim();
        break;
      }
      case 'singlevaluelist': {
        const key = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
        if (typeof key !== 'string' || !options.has(key)) problems.push({ path, message: 'services.attribute.notOption' });
        else values[def.code] = key;
        break;
      }
      case 'multivaluelist': {
        const keys = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',').map((s) => s.trim()) : null;
        if (!keys || keys.some((k) => typeof k !== 'string' || !options.has(k)))
          problems.push({ path, message: 'services.attribute.notOption' });
        else values[def.code] = [...new Set(keys as string[])];
        break;
      }
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}
