// What GPD's receipts service (payments-receipts-service, "GPD - Recupero ricevute") answers: problem
// titles and details (reference notes gpd-api.md §2.5). The sandbox keeps its own copy on purpose.

export const RECEIPTS = {
  /** No receipt stored for the IUV. */
  notFoundTitle: 'Not found the receipt',
  notFound: (ec: string, iuv: string) => `Not found a receipt for Organization Fiscal Code ${ec} and IUV ${iuv}`,
  /** GPD still has the option unpaid (PO_UNPAID). */
  recoveryFailedTitle: 'The receipts recovery is failed',
  /** List: pageNum past the last page. */
  notEnoughElementsTitle: 'Not enough elements',
  pageTooBig: 'The page number is too big for the filtered elements',
  /** List: a bad date or "from" after "to". */
  invalidDateRangeTitle: 'Invalid date range',
} as const;
