/**
 * Times are stored as instants and always shown in Asia/Shanghai, whatever the browser's zone
 * (an officer on a trip sees the same audit times as the office). China has no daylight saving,
 * so a fixed +08:00 is exact.
 */
const OFFSET_MS = 8 * 3600_000;

export function formatShanghai(iso: string | null | undefined, withSeconds = true): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + OFFSET_MS).toISOString(); // "YYYY-MM-DDTHH:mm:ss.sssZ" in Shanghai
  return `${local.slice(0, 10)} ${local.slice(11, withSeconds ? 19 : 16)}`;
}

/** "YYYY-MM-DD HH:mm:ss" typed in the UI (Shanghai wall time) → ISO datetime with offset. */
export function shanghaiInputToIso(value: string): string {
  const [date, time = '00:00:00'] = value.trim().split(/[ T]/);
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}
