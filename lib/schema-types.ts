// GENERATED FILE, DO NOT EDIT: the TypeScript types of the JSON Schemas under schemas/.
// Regenerate with `npm run schemas:types` (scripts/gen-schema-types.ts) after changing a schema;
// lib/schema-types.test.ts fails when this file is out of date.

/** `bizevents/CtReceiptModelResponse`: A receipt as the biz-events organization receipts API returns it: the paSendRT receipt in JSON, amounts as numbers in euros. The service writes unset fields as null, hence nullable optional fields. */
export interface CtReceiptModelResponse {
  receiptId: string;
  noticeNumber: string;
  fiscalCode: string;
  outcome: string;
  creditorReferenceId: string;
  paymentAmount: number;
  description: string;
  companyName: string;
  officeName?: string | null;
  debtor: Debtor;
  transferList: TransferPA[];
  idPSP: string;
  pspFiscalCode?: string | null;
  pspPartitaIVA?: string | null;
  pspCompanyName: string;
  idChannel: string;
  channelDescription?: string | null;
  payer?: Payer;
  paymentMethod?: string | null;
  fee?: number | null;
  primaryCiIncurredFee?: number | null;
  idBundle?: string | null;
  idCiBundle?: string | null;
  paymentDateTime?: string | null;
  paymentDateTimeFormatted?: BizeventsLocalDateTime;
  applicationDate?: string | null;
  transferDate?: string | null;
  metadata?: MapEntry[] | null;
}

/** `bizevents/Debtor`: The debtor of a biz-events receipt (the receipt's ctSubject, flattened: no uniqueIdentifier wrapper, e-mail as email). */
export interface Debtor {
  entityUniqueIdentifierType: 'F' | 'G';
  entityUniqueIdentifierValue: string;
  fullName: string;
  streetName?: string | null;
  civicNumber?: string | null;
  postalCode?: string | null;
  city?: string | null;
  stateProvinceRegion?: string | null;
  country?: string | null;
  email?: string | null;
}

/** `bizevents/LocalDateTime`: A biz-events date-time: yyyy-MM-dd'T'HH:mm:ss, no zone and no fraction (the service formats it so). Null when unset. */
export type BizeventsLocalDateTime = string | null;

/** `bizevents/MapEntry`: A key/value metadata entry of a receipt or of one of its transfers. */
export interface MapEntry {
  key?: string | null;
  value?: string | null;
}

/** `bizevents/Payer`: Who paid, when the receipt names a payer (same shape as Debtor). Null when the receipt has none. */
export type Payer = {
  entityUniqueIdentifierType: 'F' | 'G';
  entityUniqueIdentifierValue: string;
  fullName: string;
  streetName?: string | null;
  civicNumber?: string | null;
  postalCode?: string | null;
  city?: string | null;
  stateProvinceRegion?: string | null;
  country?: string | null;
  email?: string | null;
} | null;

/** `bizevents/TransferPA`: A transfer of a biz-events receipt: amount in euros, idTransfer as a number. A transfer credits either an IBAN or a digital stamp (mbdAttachment); the other one is null or absent. */
export interface TransferPA {
  idTransfer: number;
  transferAmount: number;
  fiscalCodePA: string;
  iban?: string | null;
  mbdAttachment?: string | null;
  remittanceInformation: string;
  transferCategory: string;
  metadata?: MapEntry[] | null;
}

/** `checkout/CartPaymentNotice`: One notice of a Checkout cart (Checkout EC API PaymentNotice): the notice number (18), the EC's fiscal code (11), the amount in euro cents, the EC's name and the payment's subject. */
export interface CartPaymentNotice {
  noticeNumber: string;
  fiscalCode: string;
  amount: number;
  companyName: string;
  description: string;
}

/** `checkout/CartProblemJson`: Error body of the Checkout carts API (ProblemJson of the contract; the payment-requests service fills title, status and detail). */
export interface CartProblemJson {
  type?: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
}

/** `checkout/CartRequest`: Body of POST /checkout/ec/v1|v2/carts: 1..5 notices and the return URLs (the contract's format uri is java.net.URI, which takes relative references), with the optional e-mail for the receipt, the EC's cart id and allCCP. */
export interface CartRequest {
  emailNotice?: string;
  paymentNotices: CartPaymentNotice[];
  returnUrls: CartReturnUrls;
  idCart?: string;
  allCCP?: boolean;
}

/** `checkout/CartReturnUrls`: Where Checkout sends the citizen back at the end of a cart: success, cancellation, error; v2 also requires the waiting case. */
export interface CartReturnUrls {
  returnOkUrl: string;
  returnCancelUrl: string;
  returnErrorUrl: string;
  returnWaitingUrl?: string;
}

/** `fdr/ErrorMessage`: One clause of an FdR error: the violated field or condition (path, absent on some errors) and its message. */
export interface ErrorMessage {
  path?: string;
  message: string;
}

/** `fdr/ErrorResponse`: FdR error body. errorId is written only on a 500 (pagopa-fdr ErrorResponse); errors has one entry per violation. */
export interface ErrorResponse {
  errorId?: string;
  httpStatusCode: number;
  httpStatusDescription: string;
  appErrorCode: string;
  errors: ErrorMessage[];
}

/** `fdr/FlowByPSP`: One published flow in the EC's list: its name, sender PSP, latest revision and dates. */
export interface FlowByPSP {
  fdr: string;
  pspId: string;
  revision: number;
  published: string;
  flowDate: string;
}

/** `fdr/InfoResponse`: GET /info of the FdR organisation API. */
export interface InfoResponse {
  name: string;
  version: string;
  environment?: string;
  description?: string;
}

/** `fdr/Metadata`: Paging of an FdR list: pageSize echoes the requested size, pageNumber the requested page (1-based), totPage the pages of the whole result. */
export interface Metadata {
  pageSize: number;
  pageNumber: number;
  totPage: number;
}

/** `fdr/PaginatedFlowsResponse`: A page of the EC's published flows; count is the total over all pages (the service's code, not the contract's wording). */
export interface PaginatedFlowsResponse {
  metadata: Metadata;
  count: number;
  data: FlowByPSP[];
}

/** `fdr/PaginatedPaymentsResponse`: A page of a flow's payments, ordered by index; count is the total over all pages. */
export interface PaginatedPaymentsResponse {
  metadata: Metadata;
  count: number;
  data: Payment[];
}

/** `fdr/Payment`: One payment of a flow: index in the flow, IUV, IUR, the transfer (1..5), the amount in euros, outcome and date. */
export interface Payment {
  index: number;
  iuv: string;
  iur: string;
  idTransfer: number;
  pay: number;
  payStatus: 'EXECUTED' | 'REVOKED' | 'STAND_IN' | 'STAND_IN_NO_RPT' | 'NO_RPT';
  payDate: string;
}

/** `fdr/Receiver`: The EC the flow reports to. */
export interface Receiver {
  id: string;
  organizationId: string;
  organizationName: string;
}

/** `fdr/Sender`: The PSP that sent the flow. */
export interface Sender {
  type: 'LEGAL_PERSON' | 'ABI_CODE' | 'BIC_CODE';
  id: string;
  pspId: string;
  pspName: string;
  pspBrokerId: string;
  channelId: string;
}

/** `fdr/SingleFlowResponse`: One published flow: header, sender, receiver and totals (amounts in euros, at most two decimals). */
export interface SingleFlowResponse {
  status: 'CREATED' | 'INSERTED' | 'PUBLISHED';
  revision: number;
  created?: string;
  updated?: string;
  fdr: string;
  fdrDate: string;
  regulation: string;
  regulationDate: string;
  bicCodePouringBank?: string;
  sender: Sender;
  receiver: Receiver;
  published: string;
  computedTotPayments?: number;
  computedSumPayments?: number;
  totPayments: number;
  sumPayments: number;
}

/** `gateway/GatewayError`: Body written by the API gateway (Azure APIM) for 401/403/429, e.g. {"statusCode": 401, "message": "Access denied due to missing subscription key. ..."}. */
export interface GatewayError {
  statusCode: number;
  message: string;
}

/** `gpd-v3/DebtorModel`: GPD v3: the debtor of one payment option (request and response). Optional fields may be null. */
export interface DebtorModel {
  type: 'F' | 'G';
  fiscalCode: string;
  fullName: string;
  streetName?: string | null;
  civicNumber?: string | null;
  postalCode?: string | null;
  city?: string | null;
  province?: string | null;
  region?: string | null;
  country?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** `gpd-v3/InstallmentMetadataModel`: GPD v3: a key-value pair of an installment (keys unique within the installment). */
export interface InstallmentMetadataModel {
  key: string;
  value?: string | null;
}

/** `gpd-v3/InstallmentModel`: GPD v3: one installment (a notice) of a payment option; request of create/update and part of their answer. IUVs are unique across the whole position. */
export interface InstallmentModel {
  nav?: string | null;
  iuv: string;
  amount: number;
  description: string;
  dueDate: NonNullable<GpdLocalDateTime>;
  fee?: number;
  notificationFee?: number;
  status?: 'UNPAID' | 'PAID' | 'PARTIALLY_REPORTED' | 'REPORTED' | 'UNPAYABLE' | 'EXPIRED';
  transfer?: TransferModel[];
  installmentMetadata?: InstallmentMetadataModel[];
}

/** `gpd-v3/InstallmentModelResponse`: GPD v3: an installment as GET one / list return it. Fields GPD may leave unset are nullable. */
export interface InstallmentModelResponse {
  nav: string;
  iuv: string;
  organizationFiscalCode: string;
  amount: number;
  description?: string | null;
  dueDate: NonNullable<GpdLocalDateTime>;
  paymentDate?: GpdLocalDateTime;
  reportingDate?: GpdLocalDateTime;
  paymentMethod?: string | null;
  pspCompany?: string | null;
  fee?: number;
  notificationFee?: number;
  idReceipt?: string | null;
  idFlowReporting?: string | null;
  status: 'UNPAID' | 'PAID' | 'PARTIALLY_REPORTED' | 'REPORTED' | 'UNPAYABLE' | 'EXPIRED';
  lastUpdatedDate: NonNullable<GpdLocalDateTime>;
  installmentMetadata?: InstallmentMetadataModel[];
  transfer: TransferModelResponse[];
}

/** `gpd-v3/PaymentOptionModelResponseV3`: GPD v3: a payment option (a plan or a single payment) as GET one / list return it. */
export interface PaymentOptionModelResponseV3 {
  switchToExpired: boolean;
  retentionDate?: GpdLocalDateTime;
  insertedDate?: GpdLocalDateTime;
  validityDate?: GpdLocalDateTime;
  debtor: DebtorModel;
  installments: InstallmentModelResponse[];
}

/** `gpd-v3/PaymentOptionModelV3`: GPD v3: a payment option, i.e. a way to pay the position: one installment (single payment) or several (a plan), with its own debtor, validity and expiry. The description is write-only (never answered). */
export interface PaymentOptionModelV3 {
  description?: string | null;
  validityDate?: GpdLocalDateTime;
  retentionDate?: GpdLocalDateTime;
  switchToExpired: boolean;
  debtor: DebtorModel;
  installments: InstallmentModel[];
}

/** `gpd-v3/PaymentPositionModelResponseV3`: GPD v3: a debt position as GET one / list return it. */
export interface PaymentPositionModelResponseV3 {
  iupd: string;
  organizationFiscalCode: string;
  companyName: string;
  officeName?: string | null;
  insertedDate: NonNullable<GpdLocalDateTime>;
  publishDate?: GpdLocalDateTime;
  paymentDate?: GpdLocalDateTime;
  status: 'DRAFT' | 'PUBLISHED' | 'VALID' | 'UNPAYABLE' | 'PARTIALLY_PAID' | 'PAID';
  lastUpdatedDate: NonNullable<GpdLocalDateTime>;
  paymentOption: PaymentOptionModelResponseV3[];
}

/** `gpd-v3/PaymentPositionModelV3`: GPD v3 debt position (payment plans): request of create/update and answer of create/update/publish. */
export interface PaymentPositionModelV3 {
  iupd: string;
  payStandIn?: boolean;
  companyName: string;
  officeName?: string | null;
  paymentDate?: GpdLocalDateTime;
  status?: 'DRAFT' | 'PUBLISHED' | 'VALID' | 'UNPAYABLE' | 'PARTIALLY_PAID' | 'PAID';
  paymentOption: PaymentOptionModelV3[];
}

/** `gpd-v3/PaymentPositionsInfoV3`: GPD v3: a page of the debt-positions list. */
export interface PaymentPositionsInfoV3 {
  payment_position_list: PaymentPositionModelResponseV3[];
  page_info: PageInfo;
}

/** `gpd/AlreadyPaidPaymentOptionModel`: Request of POST paymentoptions/paids/{nav}. */
export interface AlreadyPaidPaymentOptionModel {
  paymentDate?: GpdLocalDateTime;
}

/** `gpd/AppInfo`: Response of GET /info (the server omits nulls). */
export interface AppInfo {
  name?: string;
  version?: string;
  environment?: string;
}

/** `gpd/BulkDeletedMessage`: Body of the v2 bulk delete: the plain text "The debt position was successfully deleted", not JSON-quoted (the exact text is checked by the tests). */
export type BulkDeletedMessage = string;

/** `gpd/DeletedMessage`: Body of DELETE debtpositions/{iupd}: a JSON string, "The debt position was successfully deleted" (the exact text is checked by the tests, not here). */
export type DeletedMessage = string;

/** `gpd/LocalDateTime`: A GPD date-time: Java LocalDateTime, no zone (interpreted as UTC), seconds always present, 0-9 fraction digits; requests may end with Z (the server strips it). Null is allowed because GPD serialises unset dates as null; where a date is mandatory the referring schema adds "type": "string". */
export type GpdLocalDateTime = string | null;

/** `gpd/MultipleIUPDModel`: Body of the v2 bulk delete: 1..20 IUPDs. */
export interface MultipleIUPDModel {
  paymentPositionIUPDs: string[];
}

/** `gpd/MultiplePaymentPositionModel`: Body of the v2 bulk create/update: 1..100 positions (MAX_DEBT_POSITIONS=100 in UAT), all-or-nothing. */
export interface MultiplePaymentPositionModel {
  paymentPositions: PaymentPositionModel[];
}

/** `gpd/PageInfo`: Paging of the list. items_found is the number of items in this page, not the total. */
export interface PageInfo {
  page: number;
  limit: number;
  items_found: number;
  total_pages: number;
}

/** `gpd/PayPaymentOptionModel`: Request of the internal POST paymentoptions/{nav}/pay (what the Node sends after a payment). */
export interface PayPaymentOptionModel {
  paymentDate?: GpdLocalDateTime;
  paymentMethod?: string | null;
  pspCode?: string | null;
  pspTaxCode?: string | null;
  pspCompany: string;
  idReceipt: string;
  fee?: string | null;
}

/** `gpd/PaymentOptionMetadataModel`: A metadata pair of a request. Keys must also be unique within the list (server rule, not expressible here). */
export interface PaymentOptionMetadataModel {
  key: string;
  value: string;
}

/** `gpd/PaymentOptionMetadataModelResponse` */
export interface PaymentOptionMetadataModelResponse {
  key?: string;
  value?: string;
}

/** `gpd/PaymentOptionModel` */
export interface PaymentOptionModel {
  nav?: string | null;
  iuv: string;
  amount: number;
  description: string;
  isPartialPayment: boolean;
  dueDate: NonNullable<GpdLocalDateTime>;
  retentionDate?: GpdLocalDateTime;
  fee?: number;
  notificationFee?: number;
  transfer?: TransferModel[];
  paymentOptionMetadata?: PaymentOptionMetadataModel[];
}

/** `gpd/PaymentOptionModelResponse`: A payment option as GET returns it. Fields that GPD may leave unset are nullable. */
export interface PaymentOptionModelResponse {
  nav: string;
  iuv: string;
  organizationFiscalCode: string;
  amount: number;
  description: string | null;
  isPartialPayment: boolean;
  dueDate: NonNullable<GpdLocalDateTime>;
  retentionDate?: GpdLocalDateTime;
  paymentDate?: GpdLocalDateTime;
  reportingDate?: GpdLocalDateTime;
  insertedDate: NonNullable<GpdLocalDateTime>;
  paymentMethod?: string | null;
  fee?: number;
  notificationFee?: number;
  pspCompany?: string | null;
  idReceipt?: string | null;
  idFlowReporting?: string | null;
  status: 'PO_UNPAID' | 'PO_PAID' | 'PO_PARTIALLY_REPORTED' | 'PO_REPORTED';
  lastUpdatedDate: NonNullable<GpdLocalDateTime>;
  paymentOptionMetadata?: PaymentOptionMetadataModelResponse[];
  transfer: TransferModelResponse[];
}

/** `gpd/PaymentPositionModel`: Debt position v1: request of create/update and response of create/update/publish/invalidate. Optional fields may be null (GPD serialises unset fields as null). */
export interface PaymentPositionModel {
  iupd: string;
  type: 'F' | 'G';
  payStandIn?: boolean;
  fiscalCode: string;
  fullName: string;
  streetName?: string | null;
  civicNumber?: string | null;
  postalCode?: string | null;
  city?: string | null;
  province?: string | null;
  region?: string | null;
  country?: string | null;
  email?: string | null;
  phone?: string | null;
  switchToExpired: boolean;
  companyName: string;
  officeName?: string | null;
  validityDate?: GpdLocalDateTime;
  paymentDate?: GpdLocalDateTime;
  status?: 'DRAFT' | 'PUBLISHED' | 'VALID' | 'INVALID' | 'EXPIRED' | 'PARTIALLY_PAID' | 'PAID' | 'REPORTED';
  paymentOption?: PaymentOptionModel[];
}

/** `gpd/PaymentPositionModelBaseResponse`: A debt position as GET one / list return it (no debtor fields). Fields that GPD may leave unset are nullable. */
export interface PaymentPositionModelBaseResponse {
  iupd: string;
  organizationFiscalCode: string;
  type: 'F' | 'G';
  companyName: string;
  officeName?: string | null;
  insertedDate: NonNullable<GpdLocalDateTime>;
  publishDate?: GpdLocalDateTime;
  validityDate?: GpdLocalDateTime;
  paymentDate?: GpdLocalDateTime;
  status: 'DRAFT' | 'PUBLISHED' | 'VALID' | 'INVALID' | 'EXPIRED' | 'PARTIALLY_PAID' | 'PAID' | 'REPORTED';
  lastUpdatedDate: NonNullable<GpdLocalDateTime>;
  paymentOption: PaymentOptionModelResponse[];
}

/** `gpd/PaymentPositionsInfo`: Response of GET debtpositions (list). */
export interface PaymentPositionsInfo {
  payment_position_list: PaymentPositionModelBaseResponse[];
  page_info: PageInfo;
}

/** `gpd/PaymentsModelResponse`: Response of POST paymentoptions/paids/{nav} (and of the internal pay): PaymentOptionModelResponse plus lastUpdatedDateNotificationFee and serviceType. */
export interface PaymentsModelResponse {
  nav: string;
  iuv: string;
  organizationFiscalCode: string;
  amount: number;
  description: string | null;
  isPartialPayment: boolean;
  dueDate: NonNullable<GpdLocalDateTime>;
  retentionDate?: GpdLocalDateTime;
  paymentDate?: GpdLocalDateTime;
  reportingDate?: GpdLocalDateTime;
  insertedDate: NonNullable<GpdLocalDateTime>;
  paymentMethod?: string | null;
  fee?: number;
  notificationFee?: number;
  pspCompany?: string | null;
  idReceipt?: string | null;
  idFlowReporting?: string | null;
  status: 'PO_UNPAID' | 'PO_PAID' | 'PO_PARTIALLY_REPORTED' | 'PO_REPORTED';
  lastUpdatedDate: NonNullable<GpdLocalDateTime>;
  lastUpdatedDateNotificationFee?: GpdLocalDateTime;
  paymentOptionMetadata?: PaymentOptionMetadataModelResponse[];
  transfer: TransferModelResponse[];
  serviceType?: string | null;
}

/** `gpd/ProblemJson`: GPD error body. All fields optional in the contract (the server always fills them; it omits nulls). */
export interface ProblemJson {
  title?: string;
  status?: number;
  detail?: string;
}

/** `gpd/Stamp`: Marca da bollo digitale. Null is allowed: GPD writes "stamp": null on IBAN transfers. */
export type Stamp = {
  hashDocument: string;
  stampType: string;
  provincialResidence: string;
} | null;

/** `gpd/TransferMetadataModel`: A metadata pair of a request. Keys must also be unique within the list (server rule, not expressible here). */
export interface TransferMetadataModel {
  key: string;
  value: string;
}

/** `gpd/TransferMetadataModelResponse` */
export interface TransferMetadataModelResponse {
  key?: string;
  value?: string;
}

/** `gpd/TransferModel`: A transfer of a payment option. The server also requires iban XOR stamp and that amounts add up: business rules checked by the tests, not here. */
export interface TransferModel {
  idTransfer: '1' | '2' | '3' | '4' | '5';
  amount: number;
  organizationFiscalCode?: string | null;
  remittanceInformation: string;
  category: string;
  iban?: string | null;
  postalIban?: string | null;
  stamp?: Stamp;
  companyName?: string | null;
  transferMetadata?: TransferMetadataModel[];
}

/** `gpd/TransferModelResponse`: A transfer as GET returns it. Fields that GPD may leave unset are nullable. */
export interface TransferModelResponse {
  organizationFiscalCode: string;
  companyName?: string | null;
  idTransfer: string;
  amount: number;
  remittanceInformation: string;
  category: string;
  iban?: string | null;
  postalIban?: string | null;
  stamp?: Stamp;
  insertedDate: NonNullable<GpdLocalDateTime>;
  status: 'T_UNREPORTED' | 'T_REPORTED';
  lastUpdatedDate: NonNullable<GpdLocalDateTime>;
  transferMetadata?: TransferMetadataModelResponse[];
}

/** `gpd/UpdateTransferIbanMassiveModel`: Request of PATCH debtpositions/transfers. */
export interface UpdateTransferIbanMassiveModel {
  newIban: string;
}

/** `gpd/UpdateTransferIbanMassiveResponse`: Response of PATCH debtpositions/transfers, e.g. {"description": "Updated IBAN on 2 Transfers", "updatedTransfers": 2}. */
export interface UpdateTransferIbanMassiveResponse {
  description: string;
  updatedTransfers: number;
}

/** `receipts/PaymentsResult`: A page of the receipts list: length = items in this page. */
export interface PaymentsResult {
  currentPageNumber: number;
  length: number;
  totalPages: number;
  results: ReceiptModelResponse[];
}

/** `receipts/ReceiptModelResponse`: An item of the receipts list (typed only as object in the contract; fields from the service model, notes §2.5). */
export interface ReceiptModelResponse {
  organizationFiscalCode: string;
  iuv: string;
  debtor: string;
  paymentDateTime: string;
  status: string;
}

/** `rt/CtEntityUniqueIdentifier`: A subject identifier (paForNode ctEntityUniqueIdentifier): F natural person, G legal person. */
export interface CtEntityUniqueIdentifier {
  entityUniqueIdentifierType: 'F' | 'G';
  entityUniqueIdentifierValue: string;
}

/** `rt/CtFaultBean`: The fault of a KO answer (common ctFaultBean): faultCode such as PAA_RECEIPT_DUPLICATA, faultString, id (who raised it). */
export interface CtFaultBean {
  faultCode: string;
  faultString: string;
  id: string;
  description?: string;
  serial?: string;
  originalFaultCode?: string;
  originalFaultString?: string;
  originalDescription?: string;
}

/** `rt/CtMapEntry`: A metadata entry (common ctMapEntry): key and value, 1-140 characters. */
export interface CtMapEntry {
  key: string;
  value: string;
}

/** `rt/CtMetadata`: Metadata (common ctMetadata): 1 to 15 entries. */
export interface CtMetadata {
  mapEntry: CtMapEntry[];
}

/** `rt/CtReceipt`: The receipt of a paSendRT (V1) request (paForNode ctReceipt), as parsed from the XML (every value a string): amounts in euros with two decimals. */
export interface CtReceipt {
  receiptId: string;
  noticeNumber: string;
  fiscalCode: string;
  outcome: 'OK' | 'KO';
  creditorReferenceId: string;
  paymentAmount: string;
  description: string;
  companyName: string;
  officeName?: string;
  debtor: CtSubject;
  transferList: CtTransferListPA;
  idPSP: string;
  pspFiscalCode?: string;
  pspPartitaIVA?: string;
  PSPCompanyName: string;
  idChannel: string;
  channelDescription: string;
  payer?: CtSubject;
  paymentMethod?: string;
  fee?: string;
  paymentDateTime?: string;
  applicationDate?: string;
  transferDate?: string;
  metadata?: CtMetadata;
  standIn?: 'true' | 'false' | '1' | '0';
}

/** `rt/CtReceiptV2`: The receipt of a paSendRTV2 request (paForNode ctReceiptV2), as parsed from the XML (every value a string): amounts in euros with two decimals. */
export interface CtReceiptV2 {
  receiptId: string;
  noticeNumber: string;
  fiscalCode: string;
  outcome: 'OK' | 'KO';
  creditorReferenceId: string;
  paymentAmount: string;
  description: string;
  companyName: string;
  officeName?: string;
  debtor: CtSubject;
  transferList: CtTransferListPAReceiptV2;
  idPSP: string;
  pspFiscalCode?: string;
  pspPartitaIVA?: string;
  PSPCompanyName: string;
  idChannel: string;
  channelDescription: string;
  payer?: CtSubject;
  paymentMethod?: string;
  paymentNote?: string;
  fee?: string;
  primaryCiIncurredFee?: string;
  idBundle?: string;
  idCiBundle?: string;
  paymentDateTime?: string;
  applicationDate?: string;
  transferDate?: string;
  metadata?: CtMetadata;
  standIn?: 'true' | 'false' | '1' | '0';
}

/** `rt/CtResponse`: The EC's answer to paSendRT / paSendRTV2 (paSendRTRes / paSendRTV2Response, both common ctResponse): outcome OK, or KO with a fault. */
export interface CtResponse {
  outcome: 'OK' | 'KO';
  fault?: CtFaultBean;
}

/** `rt/CtSubject`: Debtor or payer of a receipt (paForNode ctSubject), as parsed from the XML. */
export interface CtSubject {
  uniqueIdentifier: CtEntityUniqueIdentifier;
  fullName: string;
  streetName?: string;
  civicNumber?: string;
  postalCode?: string;
  city?: string;
  stateProvinceRegion?: string;
  country?: string;
  'e-mail'?: string;
}

/** `rt/CtTransferListPA`: The transfer list of a receipt: 1 to 5 transfers (CtTransferPA). */
export interface CtTransferListPA {
  transfer: CtTransferPA[];
}

/** `rt/CtTransferListPAReceiptV2`: The transfer list of a receipt: 1 to 5 transfers (CtTransferPAReceiptV2). */
export interface CtTransferListPAReceiptV2 {
  transfer: CtTransferPAReceiptV2[];
}

/** `rt/CtTransferPA`: A transfer of a paSendRT (V1) receipt (paForNode ctTransferPA): amount in euros with two decimals, not zero. */
export interface CtTransferPA {
  idTransfer: '1' | '2' | '3' | '4' | '5';
  transferAmount: string;
  fiscalCodePA: string;
  IBAN: string;
  remittanceInformation: string;
  transferCategory: string;
  metadata?: CtMetadata;
}

/** `rt/CtTransferPAReceiptV2`: A transfer of a paSendRTV2 receipt (paForNode ctTransferPAReceiptV2): exactly one of IBAN or MBDAttachment (the XSD choice, checked by the builders and the XSD tests). */
export interface CtTransferPAReceiptV2 {
  idTransfer: '1' | '2' | '3' | '4' | '5';
  transferAmount: string;
  fiscalCodePA: string;
  companyName?: string;
  IBAN?: string;
  MBDAttachment?: string;
  remittanceInformation: string;
  transferCategory: string;
  metadata?: CtMetadata;
}

/** `rt/PaSendRTReq`: paSendRTReq (V1): the Node sends the EC station the receipt of a payment (paForNode.wsdl operation paSendRT). */
export interface PaSendRTReq {
  idPA: string;
  idBrokerPA: string;
  idStation: string;
  receipt: CtReceipt;
}

/** `rt/PaSendRTV2Request`: paSendRTV2Request: the Node sends the EC station the receipt of a payment (paForNode.wsdl operation paSendRTV2). */
export interface PaSendRTV2Request {
  idPA: string;
  idBrokerPA: string;
  idStation: string;
  receipt: CtReceiptV2;
}

/** `upload/FileId`: An upload's id as the service builds it: {broker code}_{EC fiscal code}_{UUID without dashes, lowercase}, e.g. 06188330150_03482920158_ac5617057f5149ffaf9525044878132f (notes §2.4). The EC fiscal code is 11 digits (notes §6). The broker code is the intermediary's fiscal code, which the path only requires to be non-empty: any letters and digits (no underscore, the separator). */
export type FileId = string;

/** `upload/FileIdListResponse`: A page of upload ids; the next page's token is in the x-continuation-token response header. */
export interface FileIdListResponse {
  fileIds: FileId[];
  size: number;
  hasMore: boolean;
}

/** `upload/OperationStatus` */
export type OperationStatus = 'IN_PROGRESS' | 'COMPLETED' | 'COMPLETED_WITH_WARNINGS' | 'COMPLETED_UNSUCCESSFULLY';

/** `upload/ReportTime`: Upload report startTime/endTime as the service serialises them (@JsonFormat yyyy-MM-dd'T'HH:mm:ss.SSS): exactly 3 fraction digits, no zone, although the contract's example ends with Z. Null while an upload is in progress (v1 partial report); where mandatory the referring schema adds "type": "string". */
export type ReportTime = string | null;

/** `upload/ResponseEntry`: v1 report group: the positions that got the same (statusCode, statusMessage); the message is "<code> - <message>". */
export interface ResponseEntry {
  statusCode: number;
  statusMessage: string;
  requestIDs: string[];
}

/** `upload/ResponseEntryDTO`: v2 report group: the positions that got the same (statusCode, statusMessage); the message is "<code> - <message>". */
export interface ResponseEntryDTO {
  statusCode: number;
  statusMessage: string;
  iupds: string[];
}

/** `upload/StatusTime`: Upload status startTime as the service serialises it: yyyy-MM-dd HH:mm:ss (space, no zone), although the contract's example shows ISO. */
export type StatusTime = string;

/** `upload/UploadIUPDsFile`: The JSON inside an upload ZIP for delete: 1..100 000 distinct IUPDs. */
export interface UploadIUPDsFile {
  paymentPositionIUPDs: string[];
}

/** `upload/UploadPositionsFile`: The JSON inside an upload ZIP for create/update: at least one position, no maximum (the ZIP size limits apply). The upload service rejects unknown fields (closed schemas flag them) and exact duplicates (not expressed: uniqueItems on objects is quadratic on 100 000 positions). */
export interface UploadPositionsFile {
  paymentPositions: PaymentPositionModel[];
}

/** `upload/UploadReport`: v1 report of an upload; partial while processing (endTime null). */
export interface UploadReport {
  uploadID: FileId;
  processedItem: number;
  submittedItem: number;
  responses: ResponseEntry[];
  startTime: NonNullable<ReportTime>;
  endTime?: ReportTime;
}

/** `upload/UploadReportDTO`: v2 report of a completed upload (425 before). */
export interface UploadReportDTO {
  fileId: FileId;
  processedItem: number;
  submittedItem: number;
  responses: ResponseEntryDTO[];
  startTime: NonNullable<ReportTime>;
  endTime: NonNullable<ReportTime>;
}

/** `upload/UploadStatus`: v1 status of an upload. */
export interface UploadStatus {
  uploadID: FileId;
  processedItem: number;
  submittedItem: number;
  startTime: StatusTime;
}

/** `upload/UploadStatusDTO`: v2 status of an upload. */
export interface UploadStatusDTO {
  fileId: FileId;
  processedItem: number;
  submittedItem: number;
  startTime: StatusTime;
  operationStatus: OperationStatus;
}

/** Schema id (`<family>/<Name>`, a file under schemas/) → the type of a body it describes. */
export interface SchemaTypes {
  'bizevents/CtReceiptModelResponse': CtReceiptModelResponse;
  'bizevents/Debtor': Debtor;
  'bizevents/LocalDateTime': BizeventsLocalDateTime;
  'bizevents/MapEntry': MapEntry;
  'bizevents/Payer': Payer;
  'bizevents/TransferPA': TransferPA;
  'checkout/CartPaymentNotice': CartPaymentNotice;
  'checkout/CartProblemJson': CartProblemJson;
  'checkout/CartRequest': CartRequest;
  'checkout/CartReturnUrls': CartReturnUrls;
  'fdr/ErrorMessage': ErrorMessage;
  'fdr/ErrorResponse': ErrorResponse;
  'fdr/FlowByPSP': FlowByPSP;
  'fdr/InfoResponse': InfoResponse;
  'fdr/Metadata': Metadata;
  'fdr/PaginatedFlowsResponse': PaginatedFlowsResponse;
  'fdr/PaginatedPaymentsResponse': PaginatedPaymentsResponse;
  'fdr/Payment': Payment;
  'fdr/Receiver': Receiver;
  'fdr/Sender': Sender;
  'fdr/SingleFlowResponse': SingleFlowResponse;
  'gateway/GatewayError': GatewayError;
  'gpd-v3/DebtorModel': DebtorModel;
  'gpd-v3/InstallmentMetadataModel': InstallmentMetadataModel;
  'gpd-v3/InstallmentModel': InstallmentModel;
  'gpd-v3/InstallmentModelResponse': InstallmentModelResponse;
  'gpd-v3/PaymentOptionModelResponseV3': PaymentOptionModelResponseV3;
  'gpd-v3/PaymentOptionModelV3': PaymentOptionModelV3;
  'gpd-v3/PaymentPositionModelResponseV3': PaymentPositionModelResponseV3;
  'gpd-v3/PaymentPositionModelV3': PaymentPositionModelV3;
  'gpd-v3/PaymentPositionsInfoV3': PaymentPositionsInfoV3;
  'gpd/AlreadyPaidPaymentOptionModel': AlreadyPaidPaymentOptionModel;
  'gpd/AppInfo': AppInfo;
  'gpd/BulkDeletedMessage': BulkDeletedMessage;
  'gpd/DeletedMessage': DeletedMessage;
  'gpd/LocalDateTime': GpdLocalDateTime;
  'gpd/MultipleIUPDModel': MultipleIUPDModel;
  'gpd/MultiplePaymentPositionModel': MultiplePaymentPositionModel;
  'gpd/PageInfo': PageInfo;
  'gpd/PayPaymentOptionModel': PayPaymentOptionModel;
  'gpd/PaymentOptionMetadataModel': PaymentOptionMetadataModel;
  'gpd/PaymentOptionMetadataModelResponse': PaymentOptionMetadataModelResponse;
  'gpd/PaymentOptionModel': PaymentOptionModel;
  'gpd/PaymentOptionModelResponse': PaymentOptionModelResponse;
  'gpd/PaymentPositionModel': PaymentPositionModel;
  'gpd/PaymentPositionModelBaseResponse': PaymentPositionModelBaseResponse;
  'gpd/PaymentPositionsInfo': PaymentPositionsInfo;
  'gpd/PaymentsModelResponse': PaymentsModelResponse;
  'gpd/ProblemJson': ProblemJson;
  'gpd/Stamp': Stamp;
  'gpd/TransferMetadataModel': TransferMetadataModel;
  'gpd/TransferMetadataModelResponse': TransferMetadataModelResponse;
  'gpd/TransferModel': TransferModel;
  'gpd/TransferModelResponse': TransferModelResponse;
  'gpd/UpdateTransferIbanMassiveModel': UpdateTransferIbanMassiveModel;
  'gpd/UpdateTransferIbanMassiveResponse': UpdateTransferIbanMassiveResponse;
  'receipts/PaymentsResult': PaymentsResult;
  'receipts/ReceiptModelResponse': ReceiptModelResponse;
  'rt/CtEntityUniqueIdentifier': CtEntityUniqueIdentifier;
  'rt/CtFaultBean': CtFaultBean;
  'rt/CtMapEntry': CtMapEntry;
  'rt/CtMetadata': CtMetadata;
  'rt/CtReceipt': CtReceipt;
  'rt/CtReceiptV2': CtReceiptV2;
  'rt/CtResponse': CtResponse;
  'rt/CtSubject': CtSubject;
  'rt/CtTransferListPA': CtTransferListPA;
  'rt/CtTransferListPAReceiptV2': CtTransferListPAReceiptV2;
  'rt/CtTransferPA': CtTransferPA;
  'rt/CtTransferPAReceiptV2': CtTransferPAReceiptV2;
  'rt/PaSendRTReq': PaSendRTReq;
  'rt/PaSendRTV2Request': PaSendRTV2Request;
  'upload/FileId': FileId;
  'upload/FileIdListResponse': FileIdListResponse;
  'upload/OperationStatus': OperationStatus;
  'upload/ReportTime': ReportTime;
  'upload/ResponseEntry': ResponseEntry;
  'upload/ResponseEntryDTO': ResponseEntryDTO;
  'upload/StatusTime': StatusTime;
  'upload/UploadIUPDsFile': UploadIUPDsFile;
  'upload/UploadPositionsFile': UploadPositionsFile;
  'upload/UploadReport': UploadReport;
  'upload/UploadReportDTO': UploadReportDTO;
  'upload/UploadStatus': UploadStatus;
  'upload/UploadStatusDTO': UploadStatusDTO;
}
