/**
 * Masking of personal data before it leaves the server (ARCHITECTURE §6): enough to recognise,
 * not enough to use. Revealing the full value is a separate, permissioned and audited call.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 7) return `${digits.slice(0, 2)}****${digits.slice(-2)}`;
  return '****';
}

export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length < 8) return '****';
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  const [user, domain] = email.split('@');
  if (!user || !domain) return '****';
  return `${user.slice(0, 1)}***@${domain}`;
}
