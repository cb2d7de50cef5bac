// What the FdR organisation API answers (pagopa/pagopa-fdr: codes in AppErrorCodeMessageEnum.java, texts in
// src/main/resources/messages.properties, bodies in ExceptionMappers.java). An application error has one errors[]
// entry with its message and no path; a bean-validation error (FDR-1000) one entry per violation, path
// `<java method>.<java parameter>` (e.g. getAllPublishedFlows.pageSize). The sandbox keeps its own copy on purpose.

export const FDR = {
  /** Bean-validation violations: one errors[] entry each. */
  badRequest: 'FDR-1000',
  /** @PastDateLimit(1 MONTHS) on publishedGt and flowDate. */
  dateTooOld: 'The date cannot be older than 1 months.',
  /** The java parameters the FDR-1000 paths name: `page` is pageNumber, `size` is pageSize. */
  parameter: { page: 'pageNumber', size: 'pageSize', publishedGt: 'publishedGt', flowDate: 'flowDate', pspId: 'pspId' },
  unknownPspCode: 'FDR-2000',
  unknownPsp: (psp: string) => `PSP with ID [${psp}] is invalid or unknown.`,
  flowNotFoundCode: 'FDR-3001',
  flowNotFound: (fdr: string) => `Flow with ID [${fdr}] not found.`,
  /** The first 10 characters of the flow name are not a yyyy-MM-dd date. */
  badFlowDateCode: 'FDR-3008',
  badFlowDate: (fdr: string) => `Flow identifier [${fdr}] contains a date that is not compliant.`,
  /** The date of the flow name is not followed by `<pspId>-`. */
  badFlowPspCode: 'FDR-3009',
  badFlowPsp: (fdr: string) => `Flow identifier [${fdr}] contains a PSP ID that is not compliant.`,
} as const;
