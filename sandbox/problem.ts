// ProblemJson errors of GPD core: the generic error-handler mappings and the AppError catalogue,
// with the platform's exact titles and detail templates (`%s` filled in order, as Java's String.format).

export interface ProblemJson {
  title: string;
  status: number;
  detail: string;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(`${status} ${title}: ${detail}`);
    this.name = 'ProblemError';
  }

  toJSON(): ProblemJson {
    return { title: this.title, status: this.status, detail: this.detail };
  }
}

type Entry = readonly [status: number, title: string, detail: string];

export const APP_ERRORS = {
  DEBT_POSITION_REQUEST_DATA_ERROR: [400, 'Error in the debt position request data', '%s'],
  DEBT_POSITION_NOT_RECOVERABLE: [
    400,
    'The debt positions cannot be recovered',
    'Debt positions cannot be recovered. Verify that due_date_to >= due_date_from and that the interval between the two dates not exceed the maximum number of days allowed [due_date_from= %s, due_date_to= %s, days_between_from_to= %s, max_days_interval= %s]',
  ],
  DEBT_POSITION_FORBIDDEN: [
    403,
    'The payment position is forbidden',
    'The caller does not have proper authorization to access or modify the IUVs in the payment position. [Organization Fiscal Code=%s, IUPD=%s]',
  ],
  DEBT_POSITION_FORBIDDEN_ON_NAV: [
    403,
    'The payment position is forbidden',
    'The caller does not have proper authorization to access or modify the NAVs in the payment position. [Organization Fiscal Code=%s]',
  ],
  DEBT_POSITION_NOT_FOUND: [404, 'Not found the debt position', 'Not found a debt position for Organization Fiscal Code %s and IUPD %s'],
  V1_UNPROCESSABLE_ENTITY_MULTI_INSTALLMENTS: [
    422,
    'MULTI_INSTALLMENT_NOT_SUPPORTED_IN_V1',
    'Multi-installment positions are not supported by this version of the API (v1). Organization Fiscal Code %s, IUPD %s.',
  ],
  PAYMENT_OPTION_NOT_FOUND: [404, 'Not found the payment option', 'Not found a payment option for Organization Fiscal Code %s and NAV %s'],
  PAYMENT_OPTION_IUV_NOT_FOUND: [404, 'Not found the payment option', 'Not found a payment option for Organization Fiscal Code %s and IUV %s'],
  TRANSFER_NOT_FOUND: [404, 'Not found the transfer', 'Not found a transfer for Organization Fiscal Code %s, IUV %s and TxID %s'],
  PAYMENT_OPTION_NOTIFICATION_FEE_UPDATE_NOT_UPDATABLE: [
    422,
    'Not in unpaid state for notification fee update',
    'The payment option with Organization Fiscal Code %s and NAV %s is not in unpaid state and the notification fee cannot be updated.',
  ],
  PAYMENT_OPTION_NOTIFICATION_FEE_UPDATE_TRANSFER_NOT_FOUND: [
    422,
    'No valid transfer found for notification fee update',
    'No transfer found for payment option with IUV %s related to Organization Fiscal Code %s',
  ],
  DEBT_POSITION_UNIQUE_VIOLATION: [
    409,
    'The debt position violated constraints of uniqueness',
    'Already exists a debt position for the Organization Fiscal Code %s or one of its payment options is not unique',
  ],
  DEBT_POSITION_PAYMENT_FOUND: [
    409,
    'Existing related payment found',
    'A payment transaction has already been carried out on the debt position with Organization Fiscal Code %s and IUPD %s',
  ],
  DEBT_POSITION_NOT_UPDATABLE: [
    409,
    'Existing related payment found or not in updatable state',
    'A payment transaction has already been carried out or, the debt position with Organization Fiscal Code %s and IUPD %s, is not in updatable state',
  ],
  DEBT_POSITION_NOT_PUBLISHABLE: [
    409,
    'Existing related payment found or not in publishable state',
    'A payment transaction has already been carried out or, the debt position with Organization Fiscal Code %s and IUPD %s, is not in publishable state',
  ],
  DEBT_POSITION_NOT_INVALIDABLE: [
    409,
    'Existing related payment found or not in invalidable state',
    'A payment transaction has already been carried out or, the debt position with Organization Fiscal Code %s and IUPD %s, is not in invalidable state',
  ],
  DEBT_POSITION_PUBLISH_VALIDITY_DATE_MISMATCH: [
    409,
    'Publish request occurred after the validity date began',
    'A publish request has been made after the validity date began for the debt position with Organization Fiscal Code %s and IUPD %s',
  ],
  DEBT_POSITION_PUBLISH_DUE_DATE_MISMATCH: [
    409,
    'Publish request occurred after the due date of a payment options has expired',
    'A publish request occurred after the due date of a payment options has expired for the debt position with Organization Fiscal Code %s and IUPD %s',
  ],
  DEBT_POSITION_PUBLISH_DUE_DATE_BEFORE_VALIDITY_DATE: [
    409,
    'The due date of a payment option is before the validity date',
    'Invalid publish request: the payment option due date cannot be before the validity date for the debt position with Organization Fiscal Code %s and IUPD %s',
  ],
  PAYMENT_OPTION_RESERVED_METADATA: [
    409,
    'The payment option contains reserved metadata',
    'The caller should not add or modify reserved payment option metadata. Reserved metadata list = {NOTIFICATION_FEE}.',
  ],
  PAYMENT_OPTION_ALREADY_PAID: [
    409,
    'Existing related payment found',
    'A payment transaction has already been carried out for the Organization Fiscal Code %s and NAV %s',
  ],
  TRANSFER_NOT_ACCOUNTABLE: [
    409,
    'transfer is not in accountable state',
    'The transfer option with Organization Fiscal Code %s, IUV %s and TxID %s is not in payable state',
  ],
  PAYMENT_OPTION_NOT_PAYABLE: [422, 'Not in payable state', 'The payment option with Organization Fiscal Code %s and NAV %s is not in payable state'],
} as const satisfies Record<string, Entry>;

export type AppErrorCode = keyof typeof APP_ERRORS;

/** Java String.format for `%s` only: a missing or null argument prints as "null". */
function format(template: string, args: readonly unknown[]): string {
  let i = 0;
  return template.replace(/%s/g, () => {
    const value = args[i++];
    return value === undefined || value === null ? 'null' : String(value);
  });
}

export function appError(code: AppErrorCode, ...args: unknown[]): ProblemError {
  const [status, title, detail] = APP_ERRORS[code];
  return new ProblemError(status, title, format(detail, args));
}

/** Generic 400 of the error handler (bad JSON, bean validation, type mismatch, constraint violation). */
export function badRequest(detail: string): ProblemError {
  return new ProblemError(400, 'BAD REQUEST', detail);
}

/** 400 raised by the business validations (title "Error in the debt position request data"). */
export function requestDataError(detail: string): ProblemError {
  return appError('DEBT_POSITION_REQUEST_DATA_ERROR', detail);
}
