import { test, expect } from '../../fixtures/index.ts';
import { reconcileLedger } from '../../lib/fdr/published-flows.ts';
import { countStates } from '../../lib/fdr/reconcile.ts';

test('[FDR-04] reconciliation of the notices paid in earlier runs', async ({ fdr, config }) => {
  const { file } = config.fdr.ledger;

  // A corrupt ledger is a LedgerError naming file and line; the file is left as it is.
  const { entries, tooOld, results } = await test.step(`Reconcile the ledger ${file} with the published flows`, () =>
    reconcileLedger(fdr, config.fdr.ledger, new Date()));

  const counts = countStates(results);
  const summary =
    `${entries} avvisi nel registro; dell'EC ${config.ecFiscalCode} nell'ultimo mese: riconciliati ${counts.reconciled}, in attesa ${counts.pending}, ` +
    `mancanti ${counts.missing}, importo diverso ${counts['amount-mismatch']}; ${tooOld} più vecchi, fuori dalla finestra dell'API FdR`;
  test.info().annotations.push({ type: 'reconciliation', description: summary });
  await test.info().attach('riconciliazione.txt', {
    contentType: 'text/plain',
    body: `${summary}\n${results.map((r) => `${r.state.padEnd(15)} ${r.detail}`).join('\n')}\n`,
  });
  // "No flow yet" is never a failure by itself: only a notice past its working days, or with another amount.
  expect(
    results.flatMap((r) => (r.ok ? [] : [r.failure])),
    'no paid notice missing from the flows or reported with another amount',
  ).toEqual([]);
});
