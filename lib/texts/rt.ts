// The fault codes of the paSendRT / paSendRTV2 answers the RT cases expect from an EC station (reference notes
// onboarding-testplan.md §2.2; pagopa-nodo-dei-pagamenti-test; issue 14). The EC writes them, the Node reads them.
// The example receiver (examples/rt-receiver) and lib/rt/soap.ts use these names.

export const RT = {
  /** The request violates the XSD. */
  syntaxExtraXsd: 'PAA_SINTASSI_EXTRAXSD',
  /** idPA is not an EC the station serves. */
  wrongDomain: 'PAA_ID_DOMINIO_ERRATO',
  /** idBrokerPA is not the station's broker. */
  wrongBroker: 'PAA_ID_INTERMEDIARIO_ERRATO',
  /** idStation is not the station. */
  wrongStation: 'PAA_STAZIONE_INT_ERRATA',
  /** The receipt of that notice was already received. */
  duplicateReceipt: 'PAA_RECEIPT_DUPLICATA',
  /** Any other error of the EC's system. */
  systemError: 'PAA_SYSTEM_ERROR',
} as const;
