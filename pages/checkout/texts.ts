// What the real Checkout shows, in Italian and English (reference notes, checkout.md §2-3): the
// oracle of the PAY cases. Kept apart from the sandbox's own texts on purpose: a test must not take
// its expectations from the implementation it checks.
export type Language = 'it' | 'en';

/** Verify fault categories of the ecommerce backend, and the modal title Checkout shows for each. */
export const NOTICE_ERROR_TITLES = {
  PAYMENT_UNKNOWN: { it: 'Non riusciamo a trovare l’avviso', en: 'We can’t find the notice' },
  PAYMENT_DUPLICATED: { it: 'Questo avviso è stato già pagato!', en: 'This notice was already paid!' },
  PAYMENT_EXPIRED: { it: 'L’avviso è scaduto e non è più possibile pagarlo', en: 'The notice has expired and it can no longer be paid' },
  PAYMENT_CANCELED: { it: 'L’Ente Creditore ha revocato questo avviso', en: 'The payee revoked this notice' },
} as const satisfies Record<string, Record<Language, string>>;
export type NoticeErrorCategory = keyof typeof NOTICE_ERROR_TITLES;

export const TEXTS = {
  summaryTitle: { it: 'Dati del pagamento', en: 'Payment data' },
  payee: { it: 'Ente Creditore', en: 'Payee' },
  amount: { it: 'Importo aggiornato', en: 'Amount updated' },
  noticeCode: { it: 'Codice Avviso', en: 'Notice code' },
  required: { it: 'Campo obbligatorio', en: 'Required field' },
  noticeDigits: { it: 'Inserisci 18 cifre', en: 'Enter 18 numbers' },
  fiscalCodeDigits: { it: 'Inserisci 11 cifre', en: 'Enter 11 numbers' },
  /** The outcome title of a successful payment: "Hai pagato 120,15 €". */
  paid: { it: 'Hai pagato', en: 'You have paid' },
  pay: { it: 'Paga', en: 'Pay' },
  /** Cart flow (a payment started by the EC's portal): the outcome page's button back to the portal. */
  continue: { it: 'Continua', en: 'Continue' },
  /** The cart drawer's close button (aria-label). */
  close: { it: 'Chiudi', en: 'Close' },
} as const satisfies Record<string, Record<Language, string>>;

/** Amounts as Checkout prints them, whatever the language: it-IT, e.g. "120,15 €" (non-breaking space). */
export function checkoutAmount(cents: number): string {
  return new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Cents of an amount printed by Checkout ("1.234,50 €" → 123450). */
export function centsOf(text: string): number {
  const match = /(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})/.exec(text);
  if (!match) throw new Error(`No amount in ${JSON.stringify(text)}`);
  return Number(match[1]!.replaceAll('.', '')) * 100 + Number(match[2]);
}
