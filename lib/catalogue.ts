// The test-plan catalogue: every case the suite evidences, as data. Test titles start with the
// case id; fixtures turn the entry into Allure labels; `npm run evidence` (later) fills the plan.
// Ids are ours: the official async test plan is not public (SPEC §3).

export type Area = 'ACC' | 'GPD-CRE' | 'GPD-PUB' | 'GPD-UPD' | 'GPD-DEL' | 'GPD-INV' | 'GPD-GET' | 'BLK' | 'PAY' | 'RIC';
export type Severity = 'blocker' | 'critical' | 'normal' | 'minor';

export interface TestCase {
  id: string;
  area: Area;
  title: { it: string; en: string };
  expected: { it: string; en: string };
  /** Mandatory in the official plan (optional ones, e.g. bulk loads, are still run by us). */
  mandatory: boolean;
  /** The onboarding step it evidences (SPEC §1): 2 = keys, 6 = GPD lifecycle tests. */
  onboardingStep: string;
  severity: Severity;
}

export const AREAS: Record<Area, { it: string; en: string }> = {
  ACC: { it: 'Accesso e chiavi di sottoscrizione', en: 'Access and subscription keys' },
  'GPD-CRE': { it: 'Creazione posizione debitoria', en: 'Debt position creation' },
  'GPD-PUB': { it: 'Pubblicazione posizione debitoria', en: 'Debt position publication' },
  'GPD-UPD': { it: 'Aggiornamento posizione debitoria', en: 'Debt position update' },
  'GPD-DEL': { it: 'Cancellazione posizione debitoria', en: 'Debt position deletion' },
  'GPD-INV': { it: 'Invalidazione posizione debitoria', en: 'Debt position invalidation' },
  'GPD-GET': { it: 'Consultazione posizioni debitorie', en: 'Debt position retrieval' },
  BLK: { it: 'Caricamenti massivi', en: 'Bulk loads' },
  PAY: { it: 'Pagamento su Checkout', en: 'Payment on Checkout' },
  RIC: { it: 'Acquisizione ricevute', en: 'Receipt acquisition' },
};

type Row = [id: string, titleIt: string, titleEn: string, expectedIt: string, expectedEn: string, severity?: Severity];

function cases(area: Area, onboardingStep: string, rows: Row[], mandatory = true): TestCase[] {
  return rows.map(([id, titleIt, titleEn, expectedIt, expectedEn, severity = 'normal']) => ({
    id,
    area,
    title: { it: titleIt, en: titleEn },
    expected: { it: expectedIt, en: expectedEn },
    mandatory,
    onboardingStep,
    severity,
  }));
}

export const CATALOGUE: readonly TestCase[] = [
  ...cases('ACC', '2', [
    [
      'ACC-01',
      'Chiamata senza chiave di sottoscrizione',
      'Call without subscription key',
      'HTTP 401, messaggio "missing subscription key"',
      'HTTP 401, "missing subscription key" message',
      'critical',
    ],
    [
      'ACC-02',
      'Chiamata con chiave errata',
      'Call with a wrong key',
      'HTTP 401, messaggio "invalid subscription key"',
      'HTTP 401, "invalid subscription key" message',
      'critical',
    ],
    [
      'ACC-03',
      "La chiave GPD funziona per l'EC",
      'The GPD key works for the EC',
      "HTTP 200 sull'elenco posizioni dell'EC",
      "HTTP 200 on the EC's position list",
      'blocker',
    ],
    [
      'ACC-04',
      'EC non associato alla chiave',
      'EC not bound to the key',
      'HTTP 403 "You are not allowed to access this resource."',
      'HTTP 403 "You are not allowed to access this resource."',
      'critical',
    ],
    [
      'ACC-05',
      'La chiave "Recupero ricevute" funziona per l\'EC',
      'The "receipts" key works for the EC',
      "HTTP 200 sull'elenco ricevute dell'EC (caso saltato se la chiave non è configurata)",
      "HTTP 200 on the EC's receipts list (skipped when the key is not configured)",
    ],
    [
      'ACC-06',
      'Le varianti codificate del percorso API non aggirano il controllo della chiave',
      'Encoded spellings of an API path do not get past the key check',
      'Senza chiave, ogni variante (percent-encoding, maiuscole, segmento ".") riceve HTTP 401 o 404, mai una risposta del servizio',
      'Without a key, every spelling (percent-encoding, upper case, "." segment) gets HTTP 401 or 404, never a service answer',
      'critical',
    ],
  ]),
  ...cases('GPD-CRE', '6a', [
    [
      'GPD-CRE-01',
      'Creazione in bozza (toPublish=false)',
      'Create as draft (toPublish=false)',
      'HTTP 201, stato DRAFT, NAV = 3 + IUV',
      'HTTP 201, status DRAFT, NAV = 3 + IUV',
      'blocker',
    ],
    [
      'GPD-CRE-02',
      'Creazione e pubblicazione senza data di validità',
      'Create and publish without validity date',
      'HTTP 201, stato VALID (subito pagabile)',
      'HTTP 201, status VALID (payable at once)',
      'blocker',
    ],
    [
      'GPD-CRE-03',
      'Creazione e pubblicazione con validità futura',
      'Create and publish with a future validity date',
      'HTTP 201, stato PUBLISHED',
      'HTTP 201, status PUBLISHED',
      'critical',
    ],
    [
      'GPD-CRE-04',
      'Posizione multibeneficiario (trasferimento a un secondo EC)',
      'Multi-beneficiary position (transfer to a second EC)',
      'HTTP 201, due trasferimenti con gli EC indicati',
      'HTTP 201, two transfers with the given ECs',
    ],
    ['GPD-CRE-05', 'Piano rateale', 'Installment plan', 'HTTP 201, opzioni rateali con NAV distinti', 'HTTP 201, installment options with distinct NAVs'],
    [
      'GPD-CRE-06',
      'Trasferimento con marca da bollo digitale',
      'Digital stamp transfer',
      'HTTP 201, trasferimento con marca da bollo e senza IBAN',
      'HTTP 201, transfer with stamp and no IBAN',
    ],
    [
      'GPD-CRE-07',
      'IUPD duplicato',
      'Duplicate IUPD',
      'HTTP 409 "The debt position violated constraints of uniqueness"',
      'HTTP 409 "The debt position violated constraints of uniqueness"',
      'critical',
    ],
    [
      'GPD-CRE-08',
      'IUV duplicato',
      'Duplicate IUV',
      'HTTP 409 "The debt position violated constraints of uniqueness"',
      'HTTP 409 "The debt position violated constraints of uniqueness"',
      'critical',
    ],
    [
      'GPD-CRE-09',
      'Importo opzione diverso dalla somma dei trasferimenti',
      'Option amount differs from the transfers total',
      'HTTP 400 "Amounts congruence error"',
      'HTTP 400 "Amounts congruence error"',
    ],
    [
      'GPD-CRE-10',
      'Più di 5 trasferimenti',
      'More than 5 transfers',
      'HTTP 400 "Number of transfers congruence error"',
      'HTTP 400 "Number of transfers congruence error"',
    ],
    ['GPD-CRE-11', 'IBAN e marca da bollo insieme', 'IBAN and stamp together', 'HTTP 400, IBAN oppure marca da bollo', 'HTTP 400, IBAN or stamp'],
    [
      'GPD-CRE-12',
      'Data di scadenza nel passato',
      'Due date in the past',
      'HTTP 400 "Dates congruence error: due_date"',
      'HTTP 400 "Dates congruence error: due_date"',
    ],
    [
      'GPD-CRE-13',
      'idTransfer fuori dai valori ammessi',
      'idTransfer outside the allowed values',
      'HTTP 400 "Transfer ID congruence error"',
      'HTTP 400 "Transfer ID congruence error"',
    ],
    [
      'GPD-CRE-14',
      'Campi obbligatori mancanti',
      'Missing required fields',
      'HTTP 400 "BAD REQUEST" con i campi mancanti',
      'HTTP 400 "BAD REQUEST" naming the missing fields',
    ],
    [
      'GPD-CRE-15',
      'Data di validità nel passato',
      'Validity date in the past',
      'HTTP 400 "Dates congruence error: validity_date"',
      'HTTP 400 "Dates congruence error: validity_date"',
    ],
    [
      'GPD-CRE-16',
      'Richiesta malformata (JSON non valido)',
      'Malformed request (invalid JSON)',
      'HTTP 400, nessuna posizione creata',
      'HTTP 400, no position created',
    ],
  ]),
  ...cases('GPD-PUB', '6b', [
    [
      'GPD-PUB-01',
      'Pubblicazione di una bozza senza validità',
      'Publish a draft without validity date',
      'HTTP 200, stato VALID',
      'HTTP 200, status VALID',
      'blocker',
    ],
    [
      'GPD-PUB-02',
      'Pubblicazione di una bozza con validità futura',
      'Publish a draft with a future validity date',
      'HTTP 200, stato PUBLISHED',
      'HTTP 200, status PUBLISHED',
      'critical',
    ],
    ['GPD-PUB-03', 'Doppia pubblicazione', 'Publish twice', 'HTTP 409 "not in publishable state"', 'HTTP 409 "not in publishable state"'],
    [
      'GPD-PUB-04',
      'Pubblicazione dopo la data di scadenza',
      'Publish after the due date',
      'HTTP 409 "Publish request occurred after the due date…"',
      'HTTP 409 "Publish request occurred after the due date…"',
    ],
  ]),
  ...cases('GPD-UPD', '6c', [
    ['GPD-UPD-01', 'Aggiornamento di una bozza', 'Update a draft', 'HTTP 200, dati aggiornati, stato DRAFT', 'HTTP 200, data updated, status DRAFT', 'blocker'],
    [
      'GPD-UPD-02',
      'Aggiornamento di una posizione VALID con toPublish=true',
      'Update a VALID position with toPublish=true',
      'HTTP 200, resta VALID (pagabile)',
      'HTTP 200, stays VALID (payable)',
      'critical',
    ],
    [
      'GPD-UPD-03',
      'Aggiornamento di una posizione VALID senza toPublish (trappola)',
      'Update a VALID position without toPublish (trap)',
      'HTTP 200, torna DRAFT e non è più pagabile',
      'HTTP 200, falls back to DRAFT and is no longer payable',
      'critical',
    ],
    [
      'GPD-UPD-04',
      'Aggiornamento di una posizione inesistente',
      'Update an unknown position',
      'HTTP 404 "Not found the debt position"',
      'HTTP 404 "Not found the debt position"',
    ],
    ['GPD-UPD-05', 'Aggiornamento di una posizione pagata', 'Update a paid position', 'HTTP 409 "not in updatable state"', 'HTTP 409 "not in updatable state"'],
    [
      'GPD-UPD-06',
      'Aggiornamento di una posizione invalidata',
      'Update an invalidated position',
      'HTTP 409 "not in updatable state"',
      'HTTP 409 "not in updatable state"',
    ],
    [
      'GPD-UPD-07',
      'IUPD del corpo diverso da quello del percorso',
      'Body IUPD differs from the path IUPD',
      'HTTP 400 "IUPD mistmatch error"',
      'HTTP 400 "IUPD mistmatch error"',
    ],
  ]),
  ...cases('GPD-DEL', '6d', [
    ['GPD-DEL-01', 'Cancellazione di una bozza', 'Delete a draft', 'HTTP 200, poi 404 in lettura', 'HTTP 200, then 404 on read', 'blocker'],
    ['GPD-DEL-02', 'Cancellazione di una posizione VALID', 'Delete a VALID position', 'HTTP 200, poi 404 in lettura', 'HTTP 200, then 404 on read', 'critical'],
    [
      'GPD-DEL-03',
      'Cancellazione di una posizione pagata',
      'Delete a paid position',
      'HTTP 409 "Existing related payment found"',
      'HTTP 409 "Existing related payment found"',
    ],
    [
      'GPD-DEL-04',
      'Cancellazione di una posizione inesistente',
      'Delete an unknown position',
      'HTTP 404 "Not found the debt position"',
      'HTTP 404 "Not found the debt position"',
    ],
  ]),
  ...cases('GPD-INV', '6c', [
    [
      'GPD-INV-01',
      'Invalidazione di una posizione VALID',
      'Invalidate a VALID position',
      'HTTP 200, stato INVALID (terminale)',
      'HTTP 200, status INVALID (terminal)',
      'critical',
    ],
    ['GPD-INV-02', 'Invalidazione di una bozza', 'Invalidate a draft', 'HTTP 409 "not in invalidable state"', 'HTTP 409 "not in invalidable state"'],
  ]),
  ...cases('GPD-GET', '6', [
    [
      'GPD-GET-01',
      'Lettura di una posizione',
      'Get one position',
      'HTTP 200, dati coerenti con la creazione',
      'HTTP 200, data consistent with creation',
      'critical',
    ],
    [
      'GPD-GET-02',
      'Lettura di una posizione inesistente',
      'Get an unknown position',
      'HTTP 404 "Not found the debt position"',
      'HTTP 404 "Not found the debt position"',
    ],
    [
      'GPD-GET-03',
      'Elenco filtrato per stato',
      'List filtered by status',
      'HTTP 200, solo posizioni nello stato richiesto',
      'HTTP 200, only positions in the requested status',
    ],
    [
      'GPD-GET-04',
      'Elenco filtrato per data di scadenza',
      'List filtered by due date',
      "HTTP 200, solo scadenze nell'intervallo",
      'HTTP 200, only due dates in the interval',
    ],
    ['GPD-GET-05', "Ordinamento dell'elenco", 'List ordering', 'HTTP 200, elementi ordinati come richiesto', 'HTTP 200, items ordered as requested'],
    [
      'GPD-GET-06',
      "Paginazione dell'elenco",
      'List pagination',
      'HTTP 200, page_info coerente, pagine disgiunte',
      'HTTP 200, consistent page_info, disjoint pages',
    ],
    [
      'GPD-GET-07',
      'Limite di pagina (default 10, massimo 50)',
      'Page limit (default 10, max 50)',
      'limit=51 → HTTP 400; senza limit al più 10 elementi',
      'limit=51 → HTTP 400; without limit at most 10 items',
    ],
    [
      'GPD-GET-08',
      'Regole sulle date dei filtri (30 giorni, gruppi esclusivi)',
      'Filter date rules (30 days, exclusive groups)',
      'HTTP 400 con i titoli della piattaforma',
      "HTTP 400 with the platform's titles",
    ],
  ]),
  // Optional in the official plan (step 6e), run by us every time.
  ...cases(
    'BLK',
    '6e',
    [
      [
        'BLK-01',
        'Creazione massiva v2',
        'Bulk create (v2)',
        'HTTP 201 senza corpo; ogni posizione esiste ed è VALID',
        'HTTP 201, no body; every position exists and is VALID',
        'critical',
      ],
      [
        'BLK-02',
        'Aggiornamento massivo v2',
        'Bulk update (v2)',
        'HTTP 200 senza corpo; ogni posizione aggiornata',
        'HTTP 200, no body; every position updated',
      ],
      [
        'BLK-03',
        'Cancellazione massiva v2',
        'Bulk delete (v2)',
        'HTTP 200 "The debt position was successfully deleted"; poi 404',
        'HTTP 200 "The debt position was successfully deleted"; then 404',
      ],
      [
        'BLK-04',
        'Atomicità: una posizione non valida nel lotto',
        'Atomicity: one invalid position in the batch',
        'HTTP 400; nessuna delle posizioni valide è stata creata',
        'HTTP 400; none of the valid positions was created',
        'critical',
      ],
      [
        'BLK-05',
        'Limiti del lotto (101 posizioni, 21 IUPD)',
        'Batch limits (101 positions, 21 IUPDs)',
        'HTTP 400 in entrambi i casi',
        'HTTP 400 in both cases',
      ],
      [
        'BLK-06',
        'Caricamento file: creazione',
        'File upload: create',
        'HTTP 202 + Location + Retry-After; report con 201 per ogni posizione; posizioni VALID',
        'HTTP 202 + Location + Retry-After; report with 201 per position; positions VALID',
        'critical',
      ],
      [
        'BLK-07',
        'Caricamento file: aggiornamento',
        'File upload: update',
        'Report con 200 per ogni posizione; dati aggiornati',
        'Report with 200 per position; data updated',
      ],
      [
        'BLK-08',
        'Caricamento file: cancellazione',
        'File upload: delete',
        'Report con 200 per ogni posizione; poi 404',
        'Report with 200 per position; then 404',
      ],
      ['BLK-09', 'File non validi', 'Invalid files', 'HTTP 400 con i titoli della piattaforma', "HTTP 400 with the platform's titles"],
      ['BLK-10', 'Report v2 prima del completamento', 'v2 report before completion', 'HTTP 425 "Too Early"', 'HTTP 425 "Too Early"'],
      ['BLK-11', 'Identificativo file sconosciuto', 'Unknown file id', 'HTTP 404', 'HTTP 404'],
      [
        'BLK-12',
        'Caricamento file con le API v1 (uploadID)',
        'File upload through the v1 API (uploadID)',
        'Stato e report v1 coerenti',
        'Consistent v1 status and report',
      ],
    ],
    false,
  ),
  // Payment of a published position on Checkout (onboarding step 8), in the browser.
  ...cases('PAY', '8', [
    [
      'PAY-01',
      'Pagamento con carta di un avviso VALID',
      'Card payment of a VALID notice',
      'Pagina di esito "Hai pagato <importo + commissione>"; su GPD la posizione diventa PAID con data, PSP e ricevuta del pagamento',
      'Outcome page "You have paid <amount + fee>"; on GPD the position becomes PAID with the payment date, PSP and receipt',
      'blocker',
    ],
    ['PAY-02', 'Avviso sconosciuto', 'Unknown notice', 'Checkout mostra "Non riusciamo a trovare l’avviso"', 'Checkout shows "We can’t find the notice"'],
    [
      'PAY-03',
      'Avviso di una posizione in bozza (DRAFT)',
      'Notice of a draft (DRAFT) position',
      'Checkout mostra "Non riusciamo a trovare l’avviso": una bozza non è pagabile',
      'Checkout shows "We can’t find the notice": a draft is not payable',
    ],
    [
      'PAY-04',
      'Avviso di una posizione invalidata (INVALID)',
      'Notice of an invalidated (INVALID) position',
      'Checkout mostra "L’Ente Creditore ha revocato questo avviso"',
      'Checkout shows "The payee revoked this notice"',
    ],
    [
      'PAY-05',
      'Avviso scaduto (EXPIRED)',
      'Expired (EXPIRED) notice',
      'Passata la scadenza di un avviso con switchToExpired, Checkout mostra "L’avviso è scaduto e non è più possibile pagarlo"',
      'Past the due date of a notice with switchToExpired, Checkout shows "The notice has expired and it can no longer be paid"',
    ],
    [
      'PAY-06',
      'Avviso già pagato',
      'Notice already paid',
      'Checkout mostra "Questo avviso è stato già pagato!"',
      'Checkout shows "This notice was already paid!"',
    ],
    [
      'PAY-07',
      'Accesso diretto da link o QR code (/<codice fiscale><codice avviso>)',
      'Direct entry from a link or QR code (/<fiscal code><notice code>)',
      'Checkout verifica subito l’avviso e mostra i dati del pagamento (ente, importo, codice avviso)',
      'Checkout verifies the notice at once and shows the payment data (payee, amount, notice code)',
    ],
    [
      'PAY-08',
      'Checkout in inglese',
      'Checkout in English',
      'Con la lingua inglese dati del pagamento ed errori sono in inglese; importi in formato italiano',
      'With English selected, payment data and errors are in English; amounts in Italian format',
      'minor',
    ],
    [
      'PAY-09',
      'Controlli sui dati inseriti',
      'Checks on the data entered',
      'Messaggi "Campo obbligatorio", "Inserisci 18 cifre", "Inserisci 11 cifre"; "Continua" della carta disabilitato finché un campo non è valido',
      '"Required field", "Enter 18 numbers", "Enter 11 numbers" messages; the card "Continue" disabled while a field is not valid',
      'minor',
    ],
  ]),
  // Receipt acquisition (onboarding step 9). RIC-01..03 read the receipt of a notice paid on Checkout.
  ...cases('RIC', '9', [
    [
      'RIC-01',
      'Ricevuta per IUV di un avviso pagato su Checkout',
      'Receipt by IUV of a notice paid on Checkout',
      'Documento XML paSendRTReq coerente con la posizione: codice avviso, IUV, ente, importo in euro, debitore, trasferimenti, PSP, identificativo ricevuta',
      'XML paSendRTReq document consistent with the position: notice number, IUV, EC, amount in euros, debtor, transfers, PSP, receipt id',
      'critical',
    ],
    [
      'RIC-02',
      'Elenco ricevute: trova il pagamento',
      'Receipts list: finds the payment',
      'La ricevuta è nell’elenco filtrato per IUV e per debitore, con stato PAID e data del pagamento',
      'The receipt is in the list filtered by IUV and by debtor, with status PAID and the payment date',
    ],
    [
      'RIC-03',
      'Ricevuta dai biz-events (JSON)',
      'Receipt from biz-events (JSON)',
      'HTTP 200 con la ricevuta JSON coerente con la posizione e con la ricevuta XML (se la chiave BIZ è configurata)',
      'HTTP 200 with the JSON receipt consistent with the position and with the XML receipt (when the BIZ key is configured)',
    ],
    [
      'RIC-04',
      'Ricevuta di un avviso non pagato',
      'Receipt of an unpaid notice',
      'Errore documentato: 404 "Not found the receipt" o 422 "The receipts recovery is failed"',
      'Documented error: 404 "Not found the receipt" or 422 "The receipts recovery is failed"',
    ],
    [
      'RIC-05',
      'Elenco ricevute: paginazione e regole dei filtri',
      'Receipts list: paging and filter rules',
      "HTTP 200 con la pagina richiesta; 400 per pagina oltre l'ultima, pageSize > 100, intervallo di date invertito",
      'HTTP 200 with the requested page; 400 for a page past the last, pageSize > 100, an inverted date range',
    ],
  ]),
];

const BY_ID = new Map(CATALOGUE.map((c) => [c.id, c]));

export function caseById(id: string): TestCase | undefined {
  return BY_ID.get(id);
}

/** The case id at the start of a test title: `[GPD-CRE-01] ...` → `GPD-CRE-01`. */
export function caseIdOfTitle(title: string): string | undefined {
  return /^\[([A-Z]+(?:-[A-Z]+)*-\d{2})\]/.exec(title)?.[1];
}
