import {
  deadlineInstant,
  isWithinRegion,
  OPEN_STATES,
  translate,
  type AttributeDefinition,
  type RequestState,
  type RequestSubmitInput,
} from '@qd/core';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { regionScope } from '../../platform/db/region-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { systemContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { findClientByKey } from './api-clients.service.js';
import { shanghaiDateTime, type Field, type Open311Error } from './open311-format.js';
import type { RequestsService } from './requests.service.js';
import * as repo from './services.repo.js';
import { serviceApiClients, serviceAssignments, serviceCatalogue, serviceRequests } from './services.tables.js';

/** A failure in Open311's terms: its HTTP status and the `[{code, description}]` body. */
export class Open311Failure extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly errors: Open311Error[],
  ) {
    super(errors.map((e) => e.description).join('; '));
  }
}
const fail = (status: 400 | 403 | 404, description: string) => new Open311Failure(status, [{ code: status, description }]);

/** Open311 says an empty parameter means the same as none. */
export function param(value: unknown): string | undefined {
  if (Array.isArray(value)) value = value[0];
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v === '' ? undefined : v;
}

export const MAX_REQUESTS = 1000;
const DEFAULT_WINDOW_DAYS = 90;

function serviceEntry(s: repo.CatalogueRow): Record<string, Field> {
  return {
    service_code: s.code,
    service_name: s.name,
    description: s.description,
    metadata: s.attributes.length > 0,
    type: 'batch',
    keywords: s.keywords.join(','),
    group: s.category,
  };
}

function attributeEntry(a: AttributeDefinition): Record<string, Field> {
  return {
    variable: true,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: a.hint ?? null,
    order: a.order,
    description: a.name,
    ...(a.values.length ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
  };
}

function isoDateTime(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const ok =
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value));
  if (!ok) throw fail(400, `${name} must be a W3C date-time`);
  // A date-time without a zone is taken as Shanghai time: the station's own.
  return new Date(
    /T.*(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : value.includes('T') ? `${value}+08:00` : `${value}T00:00:00+08:00`,
  );
}

/** `attribute[code]=v` and `attribute[code][]=v` of a form body, as the service's values. */
function attributesOf(body: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!m) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (values.length === 0) continue;
    out[m[1]!] = m[2] || values.length > 1 ? values : values[0]!;
  }
  return out;
}

export function createOpen311Service(deps: ServiceDeps, requests: RequestsService, defaultRegion: string) {
  const { db } = deps.database;

  function jurisdiction(value: unknown): string {
    const j = param(value);
    if (j === undefined) return defaultRegion;
    if (!/^\d{6}$/.test(j)) throw fail(404, `jurisdiction_id ${j} not found`);
    return j;
  }

  async function findActiveService(region: string, code: string) {
    const s = await repo.findServiceByCode(db, region, code);
    if (!s || s.status !== 'active') throw fail(404, `service_code ${code} not found`);
    return s;
  }

  async function requestEntries(rows: repo.RequestRow[]): Promise<Record<string, Field>[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [services, assignments] = await Promise.all([
      db
        .select({ id: serviceCatalogue.id, code: serviceCatalogue.code, name: serviceCatalogue.name })
        .from(serviceCatalogue)
        .where(inArray(serviceCatalogue.id, [...new Set(rows.map((r) => r.serviceId))])),
      db
        .select({ requestId: serviceAssignments.requestId, name: serviceAssignments.institutionName })
        .from(serviceAssignments)
        .where(
          and(inArray(serviceAssignments.requestId, ids), inArray(serviceAssignments.status, ['pending', 'accepted', 'done'])),
        ),
    ]);
    const serviceOf = new Map(services.map((s) => [s.id, s]));
    return rows.map((r) => {
      const s = serviceOf.get(r.serviceId)!;
      // Requests an enterprise filed on the web are its business: only Open311's own show what was asked.
      const open = r.source === 'open311';
      return {
        service_request_id: r.number,
        status: OPEN_STATES.includes(r.state as RequestState) ? 'open' : 'closed',
        status_notes: translate(`services.state.${r.state}`, 'zh-CN'),
        service_name: s.name,
        service_code: s.code,
        description: open ? r.description : null,
        agency_responsible:
          assignments
            .filter((a) => a.requestId === r.id)
            .map((a) => a.name)
            .join('、') || null,
        service_notice: null,
        requested_datetime: shanghaiDateTime(r.submittedAt),
        updated_datetime: shanghaiDateTime(r.updatedAt),
        expected_datetime: r.stepDeadline ? shanghaiDateTime(deadlineInstant(r.stepDeadline)) : null,
        address: open ? r.address : null,
        address_id: null,
        zipcode: null,
        lat: open ? r.lat : null,
        long: open ? r.long : null,
        media_url: null,
      };
    });
  }

  return {
    discovery(baseUrl: string): Field {
      return {
        changeset: '2026-01-01T00:00:00+08:00',
        contact: '质量强区一站式服务站 Quality District one-stop station',
        key_service: '向服务站申请 api_key（质量办 › 开放接口）. Ask the station for an api_key.',
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: baseUrl,
            changeset: '2026-01-01T00:00:00+08:00',
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      };
    },

    async services(query: Record<string, unknown>): Promise<Field> {
      const region = jurisdiction(query.jurisdiction_id);
      const { rows } = await repo.listCatalogue(db, { regionCode: region, status: 'active' }, { offset: 0, limit: 1000 });
      return rows.map(serviceEntry);
    },

    async serviceDefinition(code: string, query: Record<string, unknown>): Promise<Field> {
      const s = await findActiveService(jurisdiction(query.jurisdiction_id), code);
      return { service_code: s.code, attributes: [...s.attributes].sort((a, b) => a.order - b.order).map(attributeEntry) };
    },

    async create(body: Record<string, unknown>, clientIp: string | null): Promise<Field> {
      const key = param(body.api_key);
      const client = key ? await findClientByKey(db, key) : null;
      if (!client) throw fail(403, 'api_key is missing, invalid or revoked');
      const j = param(body.jurisdiction_id);
      if (j !== undefined && !isWithinRegion(client.regionCode, j))
        throw fail(403, `jurisdiction_id ${j} is not served by this api_key`);
      const code = param(body.service_code);
      if (!code) throw fail(400, 'service_code is required');
      const service = await findActiveService(client.regionCode, code);
      const lat = param(body.lat);
      const long = param(body.long);
      const address = param(body.address_string);
      const addressId = param(body.address_id);
      if (!(lat !== undefined && long !== undefined) && !address && !addressId) {
        throw fail(400, 'a location is required: lat and long, address_string or address_id');
      }
      const latN = lat === undefined ? null : Number(lat);
      const longN = long === undefined ? null : Number(long);
      if ((latN !== null && !(Math.abs(latN) <= 90)) || (longN !== null && !(Math.abs(longN) <= 180)))
        throw fail(400, 'lat/long out of range');
      const email = param(body.email);
      if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw fail(400, 'email is not an e-mail address');
      const name = [param(body.last_name), param(body.first_name)].filter(Boolean).join('');
      const input: RequestSubmitInput = {
        serviceId: service.id,
        description: (param(body.description) ?? service.name).slice(0, 4000),
        attributes: attributesOf(body),
        contactName: name || client.name,
        contactPhone: param(body.phone) ?? (null as unknown as string),
        contactEmail: email ?? null,
        preferredContact: email ? 'email' : 'phone',
        address: (address ?? (addressId ? `address_id ${addressId}` : null))?.slice(0, 200) ?? null,
        lat: latN,
        long: longN,
      };
      const ctx = { ...systemContext(client.regionCode, `open311:${client.name}`), clientIp };
      try {
        const now = deps.clock.now();
        const row = await requests.create(
          ctx,
          service,
          input,
          { source: 'open311', enterpriseId: null, enterpriseName: null, apiClientId: client.id },
          async (tx) => {
            // Last use to the minute: a row lock per submission would queue every POST of the client.
            if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > 60_000) {
              await tx.update(serviceApiClients).set({ lastUsedAt: now }).where(eq(serviceApiClients.id, client.id));
            }
          },
        );
        return [
          {
            service_request_id: row.number,
            service_notice: `已受理登记，编号 ${row.number}`,
            account_id: param(body.account_id) ?? null,
          },
        ];
      } catch (err) {
        if (err instanceof AppError && err.details) {
          throw new Open311Failure(
            400,
            err.details.map((d) => ({
              code: 400,
              description: `${d.path.replace(/^attributes\.(.+)$/, 'attribute[$1]')}: ${translate(d.message, 'en-US')}`,
            })),
          );
        }
        if (err instanceof AppError) throw fail(400, translate(err.messageKey, 'en-US'));
        throw err;
      }
    },

    async list(query: Record<string, unknown>): Promise<Field> {
      const region = jurisdiction(query.jurisdiction_id);
      const ids = param(query.service_request_id);
      const scope = regionScope(serviceRequests.regionCode, region);
      if (ids) {
        const numbers = ids
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .slice(0, MAX_REQUESTS);
        const rows = await db
          .select()
          .from(serviceRequests)
          .where(and(scope, inArray(serviceRequests.number, numbers)));
        return requestEntries(rows);
      }
      const now = deps.clock.now();
      let end = isoDateTime(param(query.end_date), 'end_date');
      let start = isoDateTime(param(query.start_date), 'start_date');
      if (!start && !end) start = new Date(now.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
      if (start && end && start > end) throw fail(400, 'start_date is after end_date');
      end ??= undefined;
      const statuses = param(query.status)
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw fail(400, 'status must be open or closed');
      const codes = param(query.service_code)
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      let serviceIds: string[] | undefined;
      if (codes) {
        const found = await db
          .select({ id: serviceCatalogue.id })
          .from(serviceCatalogue)
          .where(and(regionScope(serviceCatalogue.regionCode, region), inArray(serviceCatalogue.code, codes)));
        serviceIds = found.map((f) => f.id);
        if (serviceIds.length === 0) return [];
      }
      const wantOpen = statuses ? statuses.includes('open') : true;
      const wantClosed = statuses ? statuses.includes('closed') : true;
      const rows = await db
        .select()
        .from(serviceRequests)
        .where(
          and(
            scope,
            start ? sql`${serviceRequests.submittedAt} >= ${start.toISOString()}` : undefined,
            end ? sql`${serviceRequests.submittedAt} <= ${end.toISOString()}` : undefined,
            serviceIds ? inArray(serviceRequests.serviceId, serviceIds) : undefined,
            wantOpen && !wantClosed ? inArray(serviceRequests.state, [...OPEN_STATES]) : undefined,
            wantClosed && !wantOpen ? sql`${serviceRequests.state} in ('declined', 'closed')` : undefined,
          ),
        )
        .orderBy(desc(serviceRequests.submittedAt))
        .limit(MAX_REQUESTS);
      return requestEntries(rows);
    },

    async get(id: string, query: Record<string, unknown>): Promise<Field> {
      const region = jurisdiction(query.jurisdiction_id);
      const row = await repo.findRequestByNumber(db, id);
      if (!row || !isWithinRegion(region, row.regionCode)) throw fail(404, `service_request_id ${id} not found`);
      return requestEntries([row]);
    },

    /** Requests are created at once, so a token is just the request's internal id. */
    async token(token: string, query: Record<string, unknown>): Promise<Field> {
      const region = jurisdiction(query.jurisdiction_id);
      const row = /^[0-9a-f-]{36}$/i.test(token) ? await repo.findRequest(db, token) : undefined;
      if (!row || !isWithinRegion(region, row.regionCode)) throw fail(404, `token ${token} not found`);
      return [{ service_request_id: row.number, token }];
    },
  };
}
