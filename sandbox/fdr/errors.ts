// The FdR service's error body (pagopa-fdr ErrorResponse): {errorId?, httpStatusCode, httpStatusDescription,
// appErrorCode, errors[{path, message}]}. `errorId` is written only on a 500, which the sandbox never answers.

export interface ErrorMessage {
  path?: string;
  message: string;
}

const DESCRIPTIONS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found' };

export class FdrError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly appErrorCode: string,
    readonly errors: ErrorMessage[],
  ) {
    super(`${status} ${appErrorCode}: ${errors.map((e) => e.message).join('; ')}`);
    this.name = 'FdrError';
  }

  toJSON() {
    return { httpStatusCode: this.status, httpStatusDescription: DESCRIPTIONS[this.status], appErrorCode: this.appErrorCode, errors: this.errors };
  }
}

/** One value quoted in a message, cut short (a path or query value may be long). */
export const shown = (value: string) => (value.length > 100 ? `${value.slice(0, 100)}...` : value);

/** FDR-1000: bean-validation violations (one entry each) or a bad-request condition. */
export const badRequest = (errors: ErrorMessage[]) => new FdrError(400, 'FDR-1000', errors);
export const DATE_TOO_OLD = 'The date cannot be older than 1 months.';
export const unknownOrganization = (ec: string) =>
  new FdrError(400, 'FDR-2008', [{ path: 'organizationId', message: `Creditor institution with ID [${shown(ec)}] is invalid or unknown.` }]);
export const unknownPsp = (psp: string) => new FdrError(400, 'FDR-2000', [{ path: 'pspId', message: `PSP with ID [${shown(psp)}] is invalid or unknown.` }]);
export const disabledPsp = (psp: string) => new FdrError(400, 'FDR-2001', [{ path: 'pspId', message: `PSP with ID [${shown(psp)}] is not enabled.` }]);
export const badFlowDate = (fdr: string) =>
  new FdrError(400, 'FDR-3008', [
    { path: 'fdr', message: `Flow with ID [${shown(fdr)}] has an invalid date: the first 10 characters must be a yyyy-MM-dd date.` },
  ]);
export const badFlowPsp = (fdr: string, psp: string) =>
  new FdrError(400, 'FDR-3009', [
    { path: 'fdr', message: `Flow with ID [${shown(fdr)}] has an invalid format: the date must be followed by [${shown(psp)}-].` },
  ]);
export const flowNotFound = (fdr: string) => new FdrError(404, 'FDR-3001', [{ path: 'fdr', message: `Flow with ID [${shown(fdr)}] not found.` }]);
