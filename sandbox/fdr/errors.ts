// The FdR service's error body (pagopa-fdr ErrorResponse): {errorId?, httpStatusCode, httpStatusDescription,
// appErrorCode, errors[{path?, message}]}. `errorId` is written only on a 500, which the sandbox never answers.
//
// Sources (pagopa/pagopa-fdr, v1.2.0 — the texts have not changed since v1.1.12):
//  - codes and HTTP statuses: src/main/java/it/gov/pagopa/fdr/util/error/enums/AppErrorCodeMessageEnum.java;
//  - texts: src/main/resources/messages.properties, rendered by AppMessageUtil with java.text.MessageFormat
//    (`{0}` = the value in full, never shortened);
//  - the body: controller/middleware/exceptionhandler/ExceptionMappers.java. An AppException
//    (mapAppException) gives one errors[] entry with no `path`: the validators and the services build it
//    with AppException(code, Serializable... args), whose path is null (ErrorMessage writes path NON_NULL).
//    A bean-validation violation (mapConstraintViolationException, FDR-1000) gives one entry per violation,
//    path `<java method>.<java parameter>`, sorted by path descending, message as Hibernate Validator's.
//  - a query or path value the framework cannot convert (a long, an Instant): RESTEasy Reactive's
//    ParameterHandler throws NotFoundException, which mapWebApplicationException returns as it is: a 404
//    with no body.

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

/** A query or path value that cannot be converted to its java type: 404, empty body. */
export class NotConvertible extends Error {
  constructor(
    readonly parameter: string,
    readonly value: string,
  ) {
    super(`${parameter}: cannot convert [${value.slice(0, 100)}]`);
    this.name = 'NotConvertible';
  }
}

/** An AppException: its message only (messages.properties `key`). */
const appError = (status: 400 | 404, code: string, message: string) => new FdrError(status, code, [{ message }]);

/** FDR-1000 (bad.request): the bean-validation violations, one entry each. */
export const badRequest = (errors: ErrorMessage[]) => new FdrError(400, 'FDR-1000', errors);
/** PastDateLimit.java's default message, {value} {unit} = 1 months (PastLimitValidator.java). */
export const DATE_TOO_OLD = 'The date cannot be older than 1 months.';
/** FDR-2000 pspId.unknown */
export const unknownPsp = (psp: string) => appError(400, 'FDR-2000', `PSP with ID [${psp}] is invalid or unknown.`);
/** FDR-2001 pspId.notEnabled */
export const disabledPsp = (psp: string) => appError(400, 'FDR-2001', `PSP with ID [${psp}] is not enabled.`);
/** FDR-2008 ecId.unknown (FDR-2009 ecId.notEnabled, "Creditor institution with ID [{0}] is not enabled.", has no case in the sandbox). */
export const unknownOrganization = (ec: string) => appError(400, 'FDR-2008', `Creditor institution with ID [${ec}] is invalid or unknown.`);
/** FDR-3001 fdr.notFound */
export const flowNotFound = (fdr: string) => appError(404, 'FDR-3001', `Flow with ID [${fdr}] not found.`);
/** FDR-3008 fdr.name-date.wrongFormat */
export const badFlowDate = (fdr: string) => appError(400, 'FDR-3008', `Flow identifier [${fdr}] contains a date that is not compliant.`);
/** FDR-3009 fdr.name-psp.wrongFormat */
export const badFlowPsp = (fdr: string) => appError(400, 'FDR-3009', `Flow identifier [${fdr}] contains a PSP ID that is not compliant.`);
