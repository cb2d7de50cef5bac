// Removes the positions a run left behind (interrupted tests): finds them by the IUPD prefix
// the factory tags them with, then deletes them, or invalidates them where deletion is refused.
import type { GpdClient } from '../http/gpd-client.ts';

export interface SweepResult {
  found: number;
  deleted: string[];
  invalidated: string[];
  kept: string[];
}

export async function sweepPositions(gpd: GpdClient, iupdPrefix: string, options: { maxPages?: number } = {}): Promise<SweepResult> {
  const result: SweepResult = { found: 0, deleted: [], invalidated: [], kept: [] };
  const matches: string[] = [];
  // Newest first: a run's own positions are on the first pages.
  for (let page = 0; page < (options.maxPages ?? 20); page += 1) {
    const res = await gpd.list({ limit: 50, page, orderby: 'INSERTED_DATE', ordering: 'DESC' });
    if (res.response.status !== 200) throw new Error(`listing positions failed: HTTP ${res.response.status} ${res.response.text.slice(0, 300)}`);
    const body = res.response.body as { payment_position_list: Array<{ iupd: string; status: string }>; page_info: { total_pages: number } };
    for (const item of body.payment_position_list) {
      if (item.iupd.startsWith(iupdPrefix) && !['PAID', 'PARTIALLY_PAID', 'REPORTED', 'INVALID', 'EXPIRED'].includes(item.status)) matches.push(item.iupd);
      else if (item.iupd.startsWith(iupdPrefix)) result.kept.push(`${item.iupd} (${item.status})`);
    }
    if (page + 1 >= body.page_info.total_pages) break;
  }
  result.found = matches.length + result.kept.length;
  for (const iupd of matches) {
    const deleted = await gpd.delete(iupd);
    if (deleted.response.status === 200 || deleted.response.status === 404) {
      result.deleted.push(iupd);
      continue;
    }
    const invalidated = await gpd.invalidate(iupd);
    if (invalidated.response.status === 200) result.invalidated.push(iupd);
    else result.kept.push(`${iupd} (delete ${deleted.response.status}, invalidate ${invalidated.response.status})`);
  }
  return result;
}
