/**
 * Which institutions the handler should dispatch to first: those serving the category, fewer
 * open requests first, then a better on-time record. An institution listed for the service comes
 * before one that only serves its category. Institutions without history count as on time, so a
 * new one gets work.
 */
export interface InstitutionLoad {
  institutionId: string;
  name: string;
  openCount: number;
  /** Completed assignments and how many of them were on time. */
  completed: number;
  onTime: number;
  listedForService: boolean;
}

export interface RankedInstitution extends InstitutionLoad {
  onTimeRate: number | null;
  /** Higher is better: on-time rate minus a tenth per open request, plus 1 if listed. */
  score: number;
}

export function rankInstitutions(loads: readonly InstitutionLoad[]): RankedInstitution[] {
  return loads
    .map((l) => {
      const onTimeRate = l.completed > 0 ? l.onTime / l.completed : null;
      const score = (l.listedForService ? 1 : 0) + (onTimeRate ?? 1) - 0.1 * l.openCount;
      return { ...l, onTimeRate, score: Math.round(score * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score || a.openCount - b.openCount || a.name.localeCompare(b.name));
}
