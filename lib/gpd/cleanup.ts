// The one cleanup rule, used after every test (fixtures/data.ts), by the sweep of a run's leftovers
// (teardown project, Ctrl-C, `npm run cleanup`): delete the position; where deletion is refused,
// invalidate it; a paid or closed position is kept by the platform, and reported.
import type { GpdClient } from '../http/gpd-client.ts';

/** Kept by the platform: a paid or closed position is neither deleted nor invalidated (v3 names INVALID and EXPIRED UNPAYABLE). */
export const KEPT_STATUSES: readonly string[] = ['PAID', 'PARTIALLY_PAID', 'REPORTED', 'INVALID', 'EXPIRED', 'UNPAYABLE'];

export type Removal = { outcome: 'deleted' | 'invalidated'; iupd: string } | { outcome: 'kept'; iupd: string; detail: string };

/** Delete, else invalidate, else keep and say why (`<iupd> (delete <status>, invalidate <status>)`). */
export async function removePosition(gpd: GpdClient, iupd: string): Promise<Removal> {
  const deleted = await gpd.delete(iupd);
  // 404: already gone (deleted by the test itself, or never created).
  if (deleted.response.status === 200 || deleted.response.status === 404) return { outcome: 'deleted', iupd };
  const invalidated = await gpd.invalidate(iupd);
  if (invalidated.response.status === 200) return { outcome: 'invalidated', iupd };
  return { outcome: 'kept', iupd, detail: `${iupd} (delete ${deleted.response.status}, invalidate ${invalidated.response.status})` };
}
