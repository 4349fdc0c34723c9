/**
 * Coded values turned into what antd and ProTable want: select options and ProTable's
 * `valueEnum` (which also drives the filter form of a column).
 */
export function optionsOf<T extends string>(codes: readonly T[], label: (code: T) => string) {
  return codes.map((code) => ({ value: code, label: label(code) }));
}

export function valueEnumOf<T extends string>(
  codes: readonly T[],
  label: (code: T) => string,
  status?: (code: T) => 'Success' | 'Error' | 'Processing' | 'Warning' | 'Default',
) {
  const result: Record<string, { text: string; status?: string }> = {};
  for (const code of codes) result[code] = status ? { text: label(code), status: status(code) } : { text: label(code) };
  return result;
}
