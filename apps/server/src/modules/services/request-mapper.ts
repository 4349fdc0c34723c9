import {
  isOverdue,
  maskPhone,
  type AttributeDefinition,
  workingDaysLeft,
  type RequestDetail,
  type RequestState,
  type RequestSummary,
  type Step,
  type TimelineEntry,
  type WorkingCalendar,
} from '@qd/core';
import type { AssignmentRow, EventRow, RequestRow } from './services.repo.js';

export function toRequestSummary(
  row: RequestRow,
  extra: { serviceName: string; institutionNames: string[] },
  cal: WorkingCalendar,
  now: Date,
): RequestSummary {
  return {
    id: row.id,
    number: row.number,
    state: row.state as RequestState,
    category: row.category,
    serviceId: row.serviceId,
    serviceName: extra.serviceName,
    enterpriseName: row.enterpriseName,
    handlerName: row.handlerName,
    institutionNames: extra.institutionNames,
    step: (row.step as Step | null) ?? null,
    stepDeadline: row.stepDeadline,
    workingDaysLeft: row.stepDeadline ? workingDaysLeft(cal, row.stepDeadline, now) : null,
    // live: a step is late from the day after its deadline, whether or not the job has marked it yet
    overdue: row.stepOverdue || (row.stepDeadline !== null && isOverdue(row.stepDeadline, now)),
    submittedAt: row.submittedAt.toISOString(),
    source: row.source,
  };
}

export function toTimelineEntry(e: EventRow): TimelineEntry {
  return {
    id: e.id,
    at: e.at.toISOString(),
    kind: e.kind,
    actorName: e.actorName,
    fromState: e.fromState,
    toState: e.toState,
    institutionName: e.institutionName,
    text: e.text,
    amountFen: e.amountFen,
    internal: e.internal,
  };
}

/** Each given value under its question, option keys shown by their names. */
function attributeLabels(definitions: AttributeDefinition[], values: RequestRow['attributes']) {
  return [...definitions]
    .sort((a, b) => a.order - b.order)
    .filter((d) => values[d.code] !== undefined)
    .map((d) => {
      const raw = values[d.code]!;
      const names = new Map(d.values.map((v) => [v.key, v.name]));
      const value = (Array.isArray(raw) ? raw : [raw]).map((v) => names.get(String(v)) ?? String(v)).join('、');
      return { code: d.code, name: d.name, value };
    });
}

export function toRequestDetail(
  row: RequestRow,
  parts: {
    serviceName: string;
    serviceAttributes: AttributeDefinition[];
    assignments: AssignmentRow[];
    events: EventRow[];
    mergedIntoNumber: string | null;
    revealContact: boolean;
    showInternal: boolean;
    actions: string[];
    attachments: RequestDetail['attachments'];
  },
  cal: WorkingCalendar,
  now: Date,
): RequestDetail {
  const active = parts.assignments.filter((a) => ['pending', 'accepted', 'done'].includes(a.status));
  return {
    ...toRequestSummary(
      row,
      { serviceName: parts.serviceName, institutionNames: active.map((a) => a.institutionName) },
      cal,
      now,
    ),
    description: row.description,
    attributes: row.attributes,
    attributeLabels: attributeLabels(parts.serviceAttributes, row.attributes),
    contactName: row.contactName,
    contactPhone: parts.revealContact ? row.contactPhone : maskPhone(row.contactPhone),
    contactEmail: parts.revealContact ? row.contactEmail : null,
    preferredContact: row.preferredContact,
    address: row.address,
    lat: row.lat,
    long: row.long,
    rating: row.rating,
    ratingComment: row.ratingComment,
    declineReason: row.declineReason,
    mergedIntoNumber: parts.mergedIntoNumber,
    completedAt: row.completedAt?.toISOString() ?? null,
    assignments: parts.assignments.map((a) => ({
      id: a.id,
      institutionId: a.institutionId,
      institutionName: a.institutionName,
      status: a.status as RequestDetail['assignments'][number]['status'],
      reason: a.reason,
      quotationFen: a.quotationFen,
      result: a.result,
      createdAt: a.createdAt.toISOString(),
    })),
    attachments: parts.attachments,
    timeline: parts.events.filter((e) => parts.showInternal || !e.internal).map(toTimelineEntry),
    actions: parts.actions,
  };
}
