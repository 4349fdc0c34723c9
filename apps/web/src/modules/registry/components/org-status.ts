/** Badge colour of an organization status in lists: active is fine, others need a look. */
export function orgStatusBadge(status: string): 'Success' | 'Warning' | 'Default' {
  return status === 'active' ? 'Success' : status === 'suspended' ? 'Warning' : 'Default';
}
