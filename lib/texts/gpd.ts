// What GPD's debt-positions service (pagopa-debt-position, v1 and v2 bulk) answers: problem titles and
// details, and the delete's message. The oracle of the GPD and bulk cases (reference notes gpd-api.md §5).
// Kept apart from the sandbox's own copy on purpose: a test must not take its expectations from the
// implementation it checks.

export const GPD = {
  /** Title of a request the schema validation refuses (ErrorHandler): the detail names the fields. */
  badRequestTitle: 'BAD REQUEST',
  /** AppError DEBT_POSITION_REQUEST_DATA_ERROR: the detail is the business validation's message. */
  dataErrorTitle: 'Error in the debt position request data',
  /** The start of the amounts validation message (a partial match for batches, BLK-04). */
  amountsCongruence: 'Amounts congruence error',
  /** Option amount differs from the transfers total (business validation, amounts in cents). */
  amountsMismatch: (optionCents: number, transfersCents: number) =>
    `${GPD.amountsCongruence}: payment option amount must coincide with the total of the transfers amount [payment_option_amount(in cent)=${optionCents}; total_tranfers_amount(in cent)=${transfersCents}]`,
  /** More than 5 transfers on an option (business validation). */
  tooManyTransfers: (found: number) =>
    `Number of transfers congruence error: Each payment option must have a maximum of 5 transactions [transactions found=${found}]`,
  /** IBAN and stamp on the same transfer (business validation). */
  ibanAndStamp: (iuv: string, transferId: string) =>
    `The Iban may be present (optionally combined with the Postal Iban) or the Stamp. Not all at the same time [iuv=${iuv}, transaction id=${transferId}].`,
  /** The start of the due-date validation message; the dates follow. */
  dueDateCongruence: 'Dates congruence error: due_date must be >= validity_date (if provided) or due_date must be >= current_date [due_date=',
  /** The start of the validity-date validation message; the dates follow. */
  validityDateCongruence: 'Dates congruence error: validity_date must be >= current_date [validity_date=',
  /** idTransfer outside 1..5 (business validation). */
  transferIdCongruence: (transferId: string) =>
    `Transfer ID congruence error: The transaction id not have a value between those expected [transaction id=${transferId}; expected values=[1, 2, 3, 4, 5]]`,
  /** Body IUPD differs from the path IUPD on update ("mistmatch" sic). */
  iupdMismatch: (pathIupd: string, bodyIupd: string) =>
    `IUPD mistmatch error: path variable IUPD [${pathIupd}] and request body IUPD [${bodyIupd}] must be the same`,
  /** AppError DEBT_POSITION_UNIQUE_VIOLATION. */
  uniquenessTitle: 'The debt position violated constraints of uniqueness',
  alreadyExists: (ec: string) => `Already exists a debt position for the Organization Fiscal Code ${ec} or one of its payment options is not unique`,
  /** AppError DEBT_POSITION_NOT_FOUND. The v2 bulk update lists the IUPDs in brackets after "IUPD ". */
  notFoundTitle: 'Not found the debt position',
  notFound: (ec: string, iupd: string) => `Not found a debt position for Organization Fiscal Code ${ec} and IUPD ${iupd}`,
  /** AppError DEBT_POSITION_PAYMENT_FOUND (delete of a paid position). */
  paymentFoundTitle: 'Existing related payment found',
  paymentFound: (ec: string, iupd: string) =>
    `A payment transaction has already been carried out on the debt position with Organization Fiscal Code ${ec} and IUPD ${iupd}`,
  /** AppError DEBT_POSITION_NOT_UPDATABLE. */
  notUpdatableTitle: 'Existing related payment found or not in updatable state',
  notUpdatable: (ec: string, iupd: string) =>
    `A payment transaction has already been carried out or, the debt position with Organization Fiscal Code ${ec} and IUPD ${iupd}, is not in updatable state`,
  /** AppError DEBT_POSITION_NOT_PUBLISHABLE. */
  notPublishableTitle: 'Existing related payment found or not in publishable state',
  notPublishable: (ec: string, iupd: string) =>
    `A payment transaction has already been carried out or, the debt position with Organization Fiscal Code ${ec} and IUPD ${iupd}, is not in publishable state`,
  /** AppError DEBT_POSITION_NOT_INVALIDABLE. */
  notInvalidableTitle: 'Existing related payment found or not in invalidable state',
  notInvalidable: (ec: string, iupd: string) =>
    `A payment transaction has already been carried out or, the debt position with Organization Fiscal Code ${ec} and IUPD ${iupd}, is not in invalidable state`,
  /** AppError DEBT_POSITION_PUBLISH_DUE_DATE_MISMATCH. */
  publishAfterDueDateTitle: 'Publish request occurred after the due date of a payment options has expired',
  publishAfterDueDate: (ec: string, iupd: string) =>
    `A publish request occurred after the due date of a payment options has expired for the debt position with Organization Fiscal Code ${ec} and IUPD ${iupd}`,
  /** AppError DEBT_POSITION_NOT_RECOVERABLE (list filters: date window over 30 days, "to" before "from"). */
  notRecoverableTitle: 'The debt positions cannot be recovered',
  /** List filters from two exclusive groups (ErrorHandler); the detail's missing spaces are the platform's. */
  exclusiveParametersTitle: 'Exclusive Parameters',
  exclusiveParameters:
    'Parameters due_date_to, due_date_from and payment_date_from, payment_date_toandpayment_date_time_from, payment_date_time_to are mutual exclusive',
  /** The body of a successful delete: a JSON string in v1, the plain text in v2 bulk. */
  deleted: 'The debt position was successfully deleted',
  /** AppError V1_UNPROCESSABLE_ENTITY_MULTI_INSTALLMENTS: v1 GET of a position with several payment plans (created through v3). */
  multiInstallmentV1Title: 'MULTI_INSTALLMENT_NOT_SUPPORTED_IN_V1',
  multiInstallmentV1: (ec: string, iupd: string) =>
    `Multi-installment positions are not supported by this version of the API (v1). Organization Fiscal Code ${ec}, IUPD ${iupd}.`,
} as const;
