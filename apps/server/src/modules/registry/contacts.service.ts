import { can, maskEmail, maskPhone, type Contact, type ContactInput, type ContactUpdateInput } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, authorize } from '../../platform/authorize.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { readScope } from './registry-scope.js';
import * as repo from './registry.repo.js';

/** Contact persons: their phone numbers never leave unmasked except through `reveal`. */
function toContact(row: repo.ContactRow): Contact {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    position: row.position,
    phone: maskPhone(row.phone),
    email: maskEmail(row.email),
    isPrimary: row.isPrimary,
  };
}

export function createContactsService({ database }: ServiceDeps) {
  const { db } = database;

  /** The organization, if the caller may see it (404 otherwise). */
  async function visibleOrganization(ctx: RequestContext, organizationId: string) {
    const scope = readScope(ctx.actor);
    const org = await repo.findOrganization(db, organizationId);
    if (!org) throw notFound();
    assertInRegion(ctx.actor, org.regionCode);
    if (scope.organizationId !== undefined && scope.organizationId !== org.id) throw notFound();
    return org;
  }

  /** Officers with contact rights edit any contact in their region; organizations their own. */
  function authorizeWrite(ctx: RequestContext, organizationId: string) {
    if (can(ctx.actor, 'registry.contact.write')) return;
    if (can(ctx.actor, 'registry.own.write') && ctx.actor.organizationId === organizationId) return;
    throw forbidden();
  }

  async function visibleContact(ctx: RequestContext, id: string) {
    const row = await repo.findContact(db, id);
    if (!row) throw notFound();
    await visibleOrganization(ctx, row.organizationId);
    return row;
  }

  return {
    async list(ctx: RequestContext, organizationId: string): Promise<Contact[]> {
      await visibleOrganization(ctx, organizationId);
      return (await repo.listContacts(db, organizationId)).map(toContact);
    },

    async create(ctx: RequestContext, organizationId: string, input: ContactInput): Promise<Contact> {
      const org = await visibleOrganization(ctx, organizationId);
      authorizeWrite(ctx, organizationId);
      const id = newId();
      await db.transaction(async (tx) => {
        const now = new Date();
        if (input.isPrimary) await repo.clearPrimaryContact(tx, organizationId);
        await repo.insertContact(tx, {
          id,
          organizationId,
          regionCode: org.regionCode,
          name: input.name,
          position: input.position ?? null,
          phone: input.phone,
          email: input.email ?? null,
          isPrimary: input.isPrimary,
          createdAt: now,
          updatedAt: now,
        });
        await appendAudit(tx, ctx, {
          action: 'registry.contact.create',
          targetType: 'contact',
          targetId: id,
          regionCode: org.regionCode,
          detail: { organizationId, name: input.name, phone: maskPhone(input.phone) },
        });
      });
      return toContact((await repo.findContact(db, id))!);
    },

    async update(ctx: RequestContext, id: string, input: ContactUpdateInput): Promise<Contact> {
      const row = await visibleContact(ctx, id);
      authorizeWrite(ctx, row.organizationId);
      await db.transaction(async (tx) => {
        if (input.isPrimary) await repo.clearPrimaryContact(tx, row.organizationId);
        await repo.updateContact(tx, id, {
          name: input.name,
          position: input.position ?? null,
          // Masked values cannot round-trip: absent keeps what is stored, null clears the e-mail.
          phone: input.phone ?? row.phone,
          email: input.email === undefined ? row.email : input.email,
          isPrimary: input.isPrimary,
          updatedAt: new Date(),
        });
        await appendAudit(tx, ctx, {
          action: 'registry.contact.update',
          targetType: 'contact',
          targetId: id,
          regionCode: row.regionCode,
          detail: {
            organizationId: row.organizationId,
            name: input.name,
            phoneChanged: input.phone !== undefined && input.phone !== row.phone,
          },
        });
      });
      return toContact((await repo.findContact(db, id))!);
    },

    /** Contacts are withdrawn, not deleted: the audit trail keeps pointing at a real row. */
    async remove(ctx: RequestContext, id: string): Promise<void> {
      const row = await visibleContact(ctx, id);
      authorizeWrite(ctx, row.organizationId);
      await db.transaction(async (tx) => {
        await repo.updateContact(tx, id, { status: 'removed', isPrimary: false, updatedAt: new Date() });
        await appendAudit(tx, ctx, {
          action: 'registry.contact.remove',
          targetType: 'contact',
          targetId: id,
          regionCode: row.regionCode,
        });
      });
    },

    /** The full phone number, for those allowed to see it; every reveal is audited. */
    async reveal(ctx: RequestContext, id: string): Promise<{ id: string; phone: string }> {
      authorize(ctx.actor, 'registry.contact.reveal');
      const row = await visibleContact(ctx, id);
      await db.transaction((tx) =>
        appendAudit(tx, ctx, {
          action: 'registry.contact.reveal',
          targetType: 'contact',
          targetId: id,
          regionCode: row.regionCode,
          detail: { organizationId: row.organizationId, field: 'phone' },
        }),
      );
      return { id, phone: row.phone };
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
