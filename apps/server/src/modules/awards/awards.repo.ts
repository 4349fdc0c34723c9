import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { regionScope } from '../../platform/db/region-scope.js';
import {
  awardApplicationHistory,
  awardApplications,
  awardAttachments,
  awardObjectionEvidence,
  awardCycles,
  awardExpertInterests,
  awardExpertScores,
  awardObjections,
  awardProgrammes,
  awardReviewMembers,
  awardReviewRecords,
  awardScoreHistory,
} from './awards.tables.js';

export type ProgrammeRow = typeof awardProgrammes.$inferSelect;
export type CycleRow = typeof awardCycles.$inferSelect;
export type ApplicationRow = typeof awardApplications.$inferSelect;
export type HistoryRow = typeof awardApplicationHistory.$inferSelect;
export type MemberRow = typeof awardReviewMembers.$inferSelect;
export type ScoreRow = typeof awardExpertScores.$inferSelect;
export type RecordRow = typeof awardReviewRecords.$inferSelect;
export type ObjectionRow = typeof awardObjections.$inferSelect;
export type InterestRow = typeof awardExpertInterests.$inferSelect;

// ---- programmes and cycles ----

export async function listProgrammes(db: Executor, scopeRegion: string): Promise<ProgrammeRow[]> {
  return db
    .select()
    .from(awardProgrammes)
    .where(regionScope(awardProgrammes.regionCode, scopeRegion))
    .orderBy(asc(awardProgrammes.regionCode), asc(awardProgrammes.name));
}

export async function findProgramme(db: Executor, id: string): Promise<ProgrammeRow | undefined> {
  const [row] = await db.select().from(awardProgrammes).where(eq(awardProgrammes.id, id));
  return row;
}

export async function insertProgramme(db: Executor, row: typeof awardProgrammes.$inferInsert): Promise<void> {
  await db.insert(awardProgrammes).values(row);
}

export async function updateProgramme(db: Executor, id: string, patch: Partial<typeof awardProgrammes.$inferInsert>) {
  await db.update(awardProgrammes).set(patch).where(eq(awardProgrammes.id, id));
}

export async function listCycles(db: Executor, filter: { scopeRegion?: string; programmeId?: string }): Promise<CycleRow[]> {
  const conditions = [];
  if (filter.scopeRegion !== undefined) conditions.push(regionScope(awardCycles.regionCode, filter.scopeRegion));
  if (filter.programmeId) conditions.push(eq(awardCycles.programmeId, filter.programmeId));
  return db
    .select()
    .from(awardCycles)
    .where(and(...conditions))
    .orderBy(desc(awardCycles.year), asc(awardCycles.code));
}

/** Open cycles of any region (the caller filters by which regions it may apply to). */
export async function openCycles(db: Executor): Promise<CycleRow[]> {
  return db.select().from(awardCycles).where(eq(awardCycles.status, 'open')).orderBy(asc(awardCycles.code));
}

/** Cycles whose public notice exists (running or over), for the public pages. */
export async function cyclesWithNotice(db: Executor): Promise<CycleRow[]> {
  return db
    .select()
    .from(awardCycles)
    .where(sql`${awardCycles.noticeStartsOn} is not null`)
    .orderBy(desc(awardCycles.noticeStartsOn));
}

export async function findCycle(db: Executor, id: string): Promise<CycleRow | undefined> {
  const [row] = await db.select().from(awardCycles).where(eq(awardCycles.id, id));
  return row;
}

/** Reads the cycle and keeps it locked to the end of the transaction (quota checks, notices). */
export async function lockCycle(tx: Executor, id: string): Promise<CycleRow | undefined> {
  const [row] = await tx.select().from(awardCycles).where(eq(awardCycles.id, id)).for('update');
  return row;
}

export async function insertCycle(db: Executor, row: typeof awardCycles.$inferInsert): Promise<void> {
  await db.insert(awardCycles).values(row);
}

export async function updateCycle(db: Executor, id: string, patch: Partial<typeof awardCycles.$inferInsert>) {
  await db.update(awardCycles).set(patch).where(eq(awardCycles.id, id));
}

/** How many applications of the cycle are in each state, within the caller's region. */
export async function pipelineCounts(db: Executor, cycleId: string, scopeRegion: string) {
  return db
    .select({ state: awardApplications.state, n: count() })
    .from(awardApplications)
    .where(and(eq(awardApplications.cycleId, cycleId), regionScope(awardApplications.regionCode, scopeRegion)))
    .groupBy(awardApplications.state);
}

// ---- applications ----

export interface ApplicationFilter {
  cycleId?: string | undefined;
  /** The caller's region subtree; absent only where the caller is bound otherwise (own organization, assignment). */
  scopeRegion?: string | undefined;
  organizationId?: string | undefined;
  /** Only applications where this expert is an active review-group member. */
  expertId?: string | undefined;
  states?: string[] | undefined;
}

export async function listApplications(db: Executor, f: ApplicationFilter): Promise<ApplicationRow[]> {
  const conditions = [];
  if (f.scopeRegion !== undefined) conditions.push(regionScope(awardApplications.regionCode, f.scopeRegion));
  if (f.cycleId) conditions.push(eq(awardApplications.cycleId, f.cycleId));
  if (f.organizationId) conditions.push(eq(awardApplications.organizationId, f.organizationId));
  if (f.states && f.states.length > 0) conditions.push(inArray(awardApplications.state, f.states));
  if (f.expertId)
    conditions.push(
      sql`exists (select 1 from ${awardReviewMembers} m where m.application_id = ${awardApplications.id}
        and m.expert_id = ${f.expertId} and m.status = 'active')`,
    );
  return db
    .select()
    .from(awardApplications)
    .where(and(...conditions))
    .orderBy(asc(awardApplications.code));
}

/** Every application of an organization at any level (for eligibility and the award ladder). */
export async function applicationsOfOrganization(db: Executor, organizationId: string) {
  return db
    .select({ application: awardApplications, cycle: awardCycles })
    .from(awardApplications)
    .innerJoin(awardCycles, eq(awardCycles.id, awardApplications.cycleId))
    .where(eq(awardApplications.organizationId, organizationId))
    .orderBy(asc(awardCycles.year), asc(awardCycles.level));
}

export async function findApplication(db: Executor, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(awardApplications).where(eq(awardApplications.id, id));
  return row;
}

export async function lockApplication(tx: Executor, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await tx.select().from(awardApplications).where(eq(awardApplications.id, id)).for('update');
  return row;
}

export async function findApplicationOf(db: Executor, cycleId: string, organizationId: string) {
  const [row] = await db
    .select()
    .from(awardApplications)
    .where(and(eq(awardApplications.cycleId, cycleId), eq(awardApplications.organizationId, organizationId)));
  return row;
}

export async function countApplications(db: Executor, cycleId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(awardApplications).where(eq(awardApplications.cycleId, cycleId));
  return row?.n ?? 0;
}

export async function insertApplication(db: Executor, row: typeof awardApplications.$inferInsert): Promise<void> {
  await db.insert(awardApplications).values(row);
}

export async function updateApplication(db: Executor, id: string, patch: Partial<typeof awardApplications.$inferInsert>) {
  await db.update(awardApplications).set(patch).where(eq(awardApplications.id, id));
}

export async function insertHistory(db: Executor, row: typeof awardApplicationHistory.$inferInsert): Promise<void> {
  await db.insert(awardApplicationHistory).values(row);
}

export async function historyOf(db: Executor, applicationId: string): Promise<HistoryRow[]> {
  return db
    .select()
    .from(awardApplicationHistory)
    .where(eq(awardApplicationHistory.applicationId, applicationId))
    .orderBy(asc(awardApplicationHistory.at), asc(awardApplicationHistory.id));
}

// ---- review groups ----

export async function membersOf(db: Executor, applicationIds: string[], onlyActive = true): Promise<MemberRow[]> {
  if (applicationIds.length === 0) return [];
  const conditions = [inArray(awardReviewMembers.applicationId, applicationIds)];
  if (onlyActive) conditions.push(eq(awardReviewMembers.status, 'active'));
  return db
    .select()
    .from(awardReviewMembers)
    .where(and(...conditions))
    .orderBy(asc(awardReviewMembers.createdAt), asc(awardReviewMembers.id));
}

export async function findMember(db: Executor, applicationId: string, expertId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(awardReviewMembers)
    .where(
      and(
        eq(awardReviewMembers.applicationId, applicationId),
        eq(awardReviewMembers.expertId, expertId),
        eq(awardReviewMembers.status, 'active'),
      ),
    );
  return row;
}

export async function insertMembers(db: Executor, rows: (typeof awardReviewMembers.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(awardReviewMembers).values(rows);
}

export async function updateMember(db: Executor, id: string, patch: Partial<typeof awardReviewMembers.$inferInsert>) {
  await db.update(awardReviewMembers).set(patch).where(eq(awardReviewMembers.id, id));
}

export async function clearLeader(db: Executor, applicationId: string): Promise<void> {
  await db.update(awardReviewMembers).set({ isLeader: false }).where(eq(awardReviewMembers.applicationId, applicationId));
}

/** Active memberships per expert in the cycle (the load the cap limits). */
export async function loadsInCycle(db: Executor, cycleId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ expertId: awardReviewMembers.expertId, n: count() })
    .from(awardReviewMembers)
    .where(and(eq(awardReviewMembers.cycleId, cycleId), eq(awardReviewMembers.status, 'active')))
    .groupBy(awardReviewMembers.expertId);
  return new Map(rows.map((r) => [r.expertId, r.n]));
}

export async function interestsOf(db: Executor, expertIds: string[]): Promise<InterestRow[]> {
  if (expertIds.length === 0) return [];
  return db.select().from(awardExpertInterests).where(inArray(awardExpertInterests.expertId, expertIds));
}

export async function insertInterest(db: Executor, row: typeof awardExpertInterests.$inferInsert): Promise<void> {
  await db.insert(awardExpertInterests).values(row).onConflictDoNothing();
}

// ---- scores and records ----

export async function scoresOf(db: Executor, applicationIds: string[]): Promise<ScoreRow[]> {
  if (applicationIds.length === 0) return [];
  return db.select().from(awardExpertScores).where(inArray(awardExpertScores.applicationId, applicationIds));
}

export async function submittedScoresOfCycle(db: Executor, cycleId: string): Promise<ScoreRow[]> {
  return db
    .select()
    .from(awardExpertScores)
    .where(and(eq(awardExpertScores.cycleId, cycleId), sql`${awardExpertScores.submittedAt} is not null`));
}

export async function findScore(db: Executor, applicationId: string, expertId: string): Promise<ScoreRow | undefined> {
  const [row] = await db
    .select()
    .from(awardExpertScores)
    .where(and(eq(awardExpertScores.applicationId, applicationId), eq(awardExpertScores.expertId, expertId)));
  return row;
}

export async function upsertScore(db: Executor, row: typeof awardExpertScores.$inferInsert): Promise<void> {
  await db
    .insert(awardExpertScores)
    .values(row)
    .onConflictDoUpdate({
      target: [awardExpertScores.applicationId, awardExpertScores.expertId],
      set: { entries: row.entries, submittedAt: row.submittedAt ?? null, updatedAt: row.updatedAt },
    });
}

export async function insertScoreHistory(db: Executor, row: typeof awardScoreHistory.$inferInsert): Promise<void> {
  await db.insert(awardScoreHistory).values(row);
}

export async function scoreHistoryOf(db: Executor, applicationId: string) {
  return db
    .select()
    .from(awardScoreHistory)
    .where(eq(awardScoreHistory.applicationId, applicationId))
    .orderBy(asc(awardScoreHistory.at), asc(awardScoreHistory.id));
}

export async function recordsOf(db: Executor, applicationIds: string[]): Promise<RecordRow[]> {
  if (applicationIds.length === 0) return [];
  return db.select().from(awardReviewRecords).where(inArray(awardReviewRecords.applicationId, applicationIds));
}

export async function upsertRecord(db: Executor, row: typeof awardReviewRecords.$inferInsert): Promise<void> {
  // The key and the owning region never change on update.
  const { applicationId: _key, regionCode: _region, ...set } = row;
  await db.insert(awardReviewRecords).values(row).onConflictDoUpdate({ target: awardReviewRecords.applicationId, set });
}

// ---- objections ----

export async function objectionsOf(db: Executor, cycleId: string): Promise<ObjectionRow[]> {
  return db.select().from(awardObjections).where(eq(awardObjections.cycleId, cycleId)).orderBy(asc(awardObjections.createdAt));
}

export async function findObjection(db: Executor, id: string): Promise<ObjectionRow | undefined> {
  const [row] = await db.select().from(awardObjections).where(eq(awardObjections.id, id));
  return row;
}

export async function insertObjection(db: Executor, row: typeof awardObjections.$inferInsert): Promise<void> {
  await db.insert(awardObjections).values(row);
}

export async function updateObjection(db: Executor, id: string, patch: Partial<typeof awardObjections.$inferInsert>) {
  await db.update(awardObjections).set(patch).where(eq(awardObjections.id, id));
}

export async function openObjectionCount(db: Executor, applicationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(awardObjections)
    .where(and(eq(awardObjections.applicationId, applicationId), eq(awardObjections.status, 'open')));
  return row?.n ?? 0;
}

/** Revoked awards, newest first, for the public notice of revocations. */
export async function revokedApplications(db: Executor) {
  return db
    .select({ application: awardApplications, cycle: awardCycles })
    .from(awardApplications)
    .innerJoin(awardCycles, eq(awardCycles.id, awardApplications.cycleId))
    .where(eq(awardApplications.state, 'revoked'))
    .orderBy(desc(awardApplications.revokedOn));
}

// ---- files ----

export type AttachmentRow = typeof awardAttachments.$inferSelect;

export async function attachmentsOf(db: Executor, applicationId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(awardAttachments)
    .where(eq(awardAttachments.applicationId, applicationId))
    .orderBy(asc(awardAttachments.createdAt));
}

export async function insertAttachment(db: Executor, row: typeof awardAttachments.$inferInsert): Promise<void> {
  await db.insert(awardAttachments).values(row);
}

export async function deleteAttachment(db: Executor, applicationId: string, fileId: string): Promise<number> {
  const rows = await db
    .delete(awardAttachments)
    .where(and(eq(awardAttachments.applicationId, applicationId), eq(awardAttachments.fileId, fileId)))
    .returning({ id: awardAttachments.id });
  return rows.length;
}

export async function insertEvidence(db: Executor, row: typeof awardObjectionEvidence.$inferInsert): Promise<void> {
  await db.insert(awardObjectionEvidence).values(row);
}

/** Of the given files, those uploaded as evidence for the cycle and not yet used by an objection. */
export async function unusedEvidence(db: Executor, cycleId: string, fileIds: string[]): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const rows = await db
    .select({ fileId: awardObjectionEvidence.fileId })
    .from(awardObjectionEvidence)
    .where(
      and(
        eq(awardObjectionEvidence.cycleId, cycleId),
        inArray(awardObjectionEvidence.fileId, fileIds),
        sql`${awardObjectionEvidence.objectionId} is null`,
      ),
    );
  return rows.map((r) => r.fileId);
}

export async function linkEvidence(db: Executor, objectionId: string, fileIds: string[]): Promise<void> {
  if (fileIds.length > 0)
    await db.update(awardObjectionEvidence).set({ objectionId }).where(inArray(awardObjectionEvidence.fileId, fileIds));
}
