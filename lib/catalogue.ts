// The test-plan catalogue: every case the suite evidences, as data. Test titles start with the
// case id; fixtures turn the entry into Allure labels; `npm run evidence` fills the plan with the
// preconditions, steps and expected result written here. Ids are ours: the official async test plan
// is not public (SPEC §3).
//
// Numbering. `onboardingStep` is the number of the official onboarding step the case evidences (SPEC §1,
// notes onboarding-testplan.md §1.1): 2 subscription keys, 5 subscriptions for reporting flows and
// receipts, 6 tests of the main functions, 8 payment on Checkout, 9 receipt acquisition. Step 6 has
// official sub-activities — (a) creation, (b) publication, (c) update, (d) deletion, (e) bulk loads,
// optional — and they belong to the area, not to the case: `AREAS[area].activity`. Invalidation and
// retrieval are tested in step 6 but are not in the official list, so their areas have no letter.
//
// Preconditions and steps describe what the test really does. API paths are relative to each service's
// base: GPD `/gpd/debt-positions-service/v1` (or `/v2` where the step says "GPD v2"), upload
// `/upload/gpd/debt-positions-service/v1|v2`, receipts `/gpd/payments-receipts-service/v1`, biz-events
// `/bizevents/service/v1`, FdR `/fdr-org/service/v1`; {ec} is EC_FISCAL_CODE, {broker} is BROKER_CODE.

export type Area = 'ACC' | 'GPD-CRE' | 'GPD-PUB' | 'GPD-UPD' | 'GPD-DEL' | 'GPD-INV' | 'GPD-GET' | 'BLK' | 'PAY' | 'RIC' | 'FDR' | 'GPD-V3' | 'RT';
export type Severity = 'blocker' | 'critical' | 'normal' | 'minor';

/** The official onboarding steps (SPEC §1) the suite evidences. */
export type OnboardingStep = 2 | 5 | 6 | 8 | 9;

export const ONBOARDING_STEPS: Record<OnboardingStep, { it: string; en: string }> = {
  2: { it: 'Passo 2 — Chiavi di sottoscrizione', en: 'Step 2 — Subscription keys' },
  5: { it: 'Passo 5 — Sottoscrizioni per rendicontazione e ricevute', en: 'Step 5 — Subscriptions for reporting flows and receipts' },
  6: { it: 'Passo 6 — Test delle funzionalità principali', en: 'Step 6 — Tests of the main functions' },
  8: { it: 'Passo 8 — Pagamento su Checkout', en: 'Step 8 — Payment on Checkout' },
  9: { it: 'Passo 9 — Acquisizione della ricevuta', en: 'Step 9 — Receipt acquisition' },
};

export interface TestCase {
  id: string;
  area: Area;
  title: { it: string; en: string };
  /** What must hold before the case runs (data, keys, settings). */
  preconditions: { it: string; en: string };
  /** What the case does, in order; the same number of steps in both languages. */
  steps: { it: string[]; en: string[] };
  expected: { it: string; en: string };
  /** Mandatory in the official plan (optional ones, e.g. bulk loads, are still run by us). */
  mandatory: boolean;
  /** The official onboarding step it evidences (SPEC §1); for step 6 the sub-activity is on the area. */
  onboardingStep: OnboardingStep;
  severity: Severity;
}

/** The official sub-activities of onboarding step 6: a creation, b publication, c update, d deletion, e bulk loads (optional). */
export type Step6Activity = 'a' | 'b' | 'c' | 'd' | 'e';

// GPD-INV (invalidation) and GPD-GET (retrieval) are step 6 tests outside the official list of
// sub-activities: no letter. ACC, PAY, RIC and FDR belong to other steps.
export const AREAS: Record<Area, { it: string; en: string; activity?: Step6Activity }> = {
  ACC: { it: 'Accesso e chiavi di sottoscrizione', en: 'Access and subscription keys' },
  'GPD-CRE': { it: 'Creazione posizione debitoria', en: 'Debt position creation', activity: 'a' },
  'GPD-PUB': { it: 'Pubblicazione posizione debitoria', en: 'Debt position publication', activity: 'b' },
  'GPD-UPD': { it: 'Aggiornamento posizione debitoria', en: 'Debt position update', activity: 'c' },
  'GPD-DEL': { it: 'Cancellazione posizione debitoria', en: 'Debt position deletion', activity: 'd' },
  'GPD-INV': { it: 'Invalidazione posizione debitoria', en: 'Debt position invalidation' },
  'GPD-GET': { it: 'Consultazione posizioni debitorie', en: 'Debt position retrieval' },
  BLK: { it: 'Caricamenti massivi', en: 'Bulk loads', activity: 'e' },
  PAY: { it: 'Pagamento su Checkout', en: 'Payment on Checkout' },
  RIC: { it: 'Acquisizione ricevute', en: 'Receipt acquisition' },
  FDR: { it: 'Flussi di rendicontazione', en: 'Reporting flows (FdR)' },
  // Issue 13: only for an EC that uses GPD v3 (GPD_API_VERSIONS); not in the official plan's list.
  'GPD-V3': { it: 'Posizioni debitorie con piani di rateizzazione (GPD v3)', en: 'Debt positions with payment plans (GPD v3)' },
  RT: { it: "Ricevute inviate all'EC (paSendRT)", en: 'Receipts pushed to the EC (paSendRT)' },
};

type Text = { it: string; en: string };

/** One case as written below: everything but the area, step and mandatory flag, which come from the group. */
interface CaseSpec {
  id: string;
  title: Text;
  preconditions: Text;
  steps: { it: string[]; en: string[] };
  expected: Text;
  severity?: Severity;
}

function cases(area: Area, onboardingStep: OnboardingStep, specs: CaseSpec[], mandatory = true): TestCase[] {
  return specs.map(({ severity = 'normal', ...spec }) => ({ ...spec, area, mandatory, onboardingStep, severity }));
}

// Preconditions shared by many GPD cases.
const GPD_NEW: Text = {
  it: "Chiave GPD (GPD_SUBSCRIPTION_KEY) configurata per l'EC; nessuna posizione con lo IUPD e lo IUV generati (univoci per esecuzione)",
  en: 'GPD key (GPD_SUBSCRIPTION_KEY) configured for the EC; no position with the generated IUPD and IUV (unique per run)',
};
const GPD_UNKNOWN: Text = {
  it: "Chiave GPD configurata per l'EC; nessuna posizione con lo IUPD generato (mai creata)",
  en: 'GPD key configured for the EC; no position with the generated IUPD (never created)',
};
const CHECKOUT: Text = {
  it: "Chiave GPD configurata per l'EC; Checkout raggiungibile (CHECKOUT_URL; in UAT uat.checkout.pagopa.it)",
  en: 'GPD key configured for the EC; Checkout reachable (CHECKOUT_URL; on UAT uat.checkout.pagopa.it)',
};
const CHECKOUT_PAYMENT: Text = {
  it: "Chiave GPD configurata per l'EC; Checkout raggiungibile; carta di test, e-mail del pagatore e (facoltativo) PSP da scegliere configurati",
  en: 'GPD key configured for the EC; Checkout reachable; test card, payer e-mail and (optionally) the PSP to choose configured',
};
// Checkout carts (issue 13).
const CART_PAYMENT: Text = {
  it: "Come PAY-01; il carrello è inviato con la chiave dell'EC (GPD_SUBSCRIPTION_KEY); gli URL di ritorno sono indirizzi riservati (.invalid) a cui risponde il browser del test; per le ricevute la chiave GPD_RECEIPTS_SUBSCRIPTION_KEY (altrimenti il caso è saltato)",
  en: "As PAY-01; the cart is sent with the EC's key (GPD_SUBSCRIPTION_KEY); the return URLs are reserved addresses (.invalid) answered by the test's browser; for the receipts GPD_RECEIPTS_SUBSCRIPTION_KEY (otherwise the case is skipped)",
};
// GPD v3 (issue 13).
const V3_NEW: Text = {
  it: "Chiave GPD configurata per l'EC; l'EC usa GPD v3 (GPD_API_VERSIONS contiene v3); IUPD e IUV generati nuovi (univoci per esecuzione)",
  en: 'GPD key configured for the EC; the EC uses GPD v3 (GPD_API_VERSIONS includes v3); newly generated IUPD and IUVs (unique per run)',
};
const UPLOAD_NEW: Text = {
  it: "Chiave GPD configurata per l'EC; codice dell'intermediario (BROKER_CODE); N = UPLOAD_POSITIONS posizioni nuove (predefinito 1000 sulla sandbox, 25 in UAT)",
  en: "GPD key configured for the EC; the broker's code (BROKER_CODE); N = UPLOAD_POSITIONS new positions (default 1000 on the sandbox, 25 on UAT)",
};

export const CATALOGUE: readonly TestCase[] = [
  ...cases('ACC', 2, [
    {
      id: 'ACC-01',
      severity: 'critical',
      title: { it: 'Chiamata senza chiave di sottoscrizione', en: 'Call without subscription key' },
      preconditions: {
        it: "Codice fiscale dell'EC configurato (EC_FISCAL_CODE); la chiamata è inviata senza chiave di sottoscrizione",
        en: "The EC's fiscal code configured (EC_FISCAL_CODE); the call is sent without a subscription key",
      },
      steps: {
        it: [
          'Inviare GET /organizations/{ec}/debtpositions?limit=1 senza chiave di sottoscrizione',
          'Verificare HTTP 401 e il corpo del gateway {statusCode: 401, message: "Access denied due to missing subscription key…"}',
        ],
        en: [
          'Send GET /organizations/{ec}/debtpositions?limit=1 without a subscription key',
          'Check HTTP 401 and the gateway body {statusCode: 401, message: "Access denied due to missing subscription key…"}',
        ],
      },
      expected: { it: 'HTTP 401, messaggio "missing subscription key"', en: 'HTTP 401, "missing subscription key" message' },
    },
    {
      id: 'ACC-02',
      severity: 'critical',
      title: { it: 'Chiamata con chiave errata', en: 'Call with a wrong key' },
      preconditions: {
        it: "Codice fiscale dell'EC configurato; una chiave casuale che il Back Office non ha emesso",
        en: "The EC's fiscal code configured; a random key the Back Office never issued",
      },
      steps: {
        it: [
          'Generare una chiave casuale di 32 caratteri esadecimali',
          'Inviare GET /organizations/{ec}/debtpositions?limit=1 con la chiave casuale',
          'Verificare HTTP 401 e il corpo del gateway {statusCode: 401, message: "Access denied due to invalid subscription key…"}',
        ],
        en: [
          'Generate a random key of 32 hexadecimal characters',
          'Send GET /organizations/{ec}/debtpositions?limit=1 with the random key',
          'Check HTTP 401 and the gateway body {statusCode: 401, message: "Access denied due to invalid subscription key…"}',
        ],
      },
      expected: { it: 'HTTP 401, messaggio "invalid subscription key"', en: 'HTTP 401, "invalid subscription key" message' },
    },
    {
      id: 'ACC-03',
      severity: 'blocker',
      title: { it: "La chiave GPD funziona per l'EC", en: 'The GPD key works for the EC' },
      preconditions: {
        it: 'Chiave GPD_SUBSCRIPTION_KEY (prodotto Back Office "GPD - Posizioni Debitorie") configurata e associata all\'EC',
        en: 'GPD_SUBSCRIPTION_KEY (Back Office product "GPD - Posizioni Debitorie") configured and bound to the EC',
      },
      steps: {
        it: [
          'Inviare GET /organizations/{ec}/debtpositions?limit=1 con la chiave GPD',
          'Verificare HTTP 200 e che la risposta riporti lo stesso identificativo della richiesta inviato (X-Request-Id)',
        ],
        en: [
          'Send GET /organizations/{ec}/debtpositions?limit=1 with the GPD key',
          'Check HTTP 200 and that the answer carries the request id that was sent (X-Request-Id)',
        ],
      },
      expected: { it: "HTTP 200 sull'elenco posizioni dell'EC", en: "HTTP 200 on the EC's position list" },
    },
    {
      id: 'ACC-04',
      severity: 'critical',
      title: { it: 'EC non associato alla chiave', en: 'EC not bound to the key' },
      preconditions: {
        it: 'Chiave GPD configurata; codice fiscale di un EC non associato alla chiave (UNBOUND_EC_FISCAL_CODE, diverso da EC_FISCAL_CODE)',
        en: 'GPD key configured; the fiscal code of an EC not bound to the key (UNBOUND_EC_FISCAL_CODE, other than EC_FISCAL_CODE)',
      },
      steps: {
        it: [
          "Inviare GET /organizations/{EC non associato}/debtpositions?limit=1 con la chiave GPD dell'EC",
          'Verificare HTTP 403 e il corpo del gateway {statusCode: 403, message: "You are not allowed to access this resource."}',
        ],
        en: [
          "Send GET /organizations/{unbound EC}/debtpositions?limit=1 with the EC's GPD key",
          'Check HTTP 403 and the gateway body {statusCode: 403, message: "You are not allowed to access this resource."}',
        ],
      },
      expected: { it: 'HTTP 403 "You are not allowed to access this resource."', en: 'HTTP 403 "You are not allowed to access this resource."' },
    },
    {
      id: 'ACC-05',
      title: { it: 'La chiave "Recupero ricevute" funziona per l\'EC', en: 'The "receipts" key works for the EC' },
      preconditions: {
        it: 'Chiave GPD_RECEIPTS_SUBSCRIPTION_KEY (prodotto Back Office "GPD - Recupero ricevute") configurata per l\'EC; senza di essa il caso è saltato',
        en: 'GPD_RECEIPTS_SUBSCRIPTION_KEY (Back Office product "GPD - Recupero ricevute") configured for the EC; without it the case is skipped',
      },
      steps: {
        it: [
          'Inviare GET /payments/{ec}/receipts?pageSize=1 con la chiave ricevute',
          "Verificare HTTP 200; con 401 o 403 il caso indica cosa correggere (chiave dell'ambiente o del prodotto sbagliato, EC non associato o delega mancante) e i casi delle ricevute sono saltati con la stessa indicazione",
        ],
        en: [
          'Send GET /payments/{ec}/receipts?pageSize=1 with the receipts key',
          'Check HTTP 200; on 401 or 403 the case says what to fix (a key of the wrong environment or product, the EC not bound or the delegation missing) and the receipts cases are skipped with the same advice',
        ],
      },
      expected: {
        it: "HTTP 200 sull'elenco ricevute dell'EC (caso saltato se la chiave non è configurata)",
        en: "HTTP 200 on the EC's receipts list (skipped when the key is not configured)",
      },
    },
    {
      id: 'ACC-06',
      severity: 'critical',
      title: {
        it: 'Le varianti codificate del percorso API non aggirano il controllo della chiave',
        en: 'Encoded spellings of an API path do not get past the key check',
      },
      preconditions: {
        it: "Codice fiscale dell'EC configurato; le chiamate sono inviate senza chiave di sottoscrizione",
        en: "The EC's fiscal code configured; the calls are sent without a subscription key",
      },
      steps: {
        it: [
          'Comporre il percorso completo dell\'elenco posizioni in cinque varianti: lettere in percent-encoding (/%67pd/…, …/%761/…), trattino codificato (debt%2Dpositions), maiuscole (/GPD/…), segmento "/./"',
          'Inviare GET <variante>?limit=1 senza chiave per ciascuna variante',
          'Verificare per ogni variante HTTP 401 (rifiutata) o 404 (sconosciuta), mai la risposta del servizio',
        ],
        en: [
          'Write the full path of the position list in five spellings: percent-encoded letters (/%67pd/…, …/%761/…), encoded hyphen (debt%2Dpositions), upper case (/GPD/…), a "/./" segment',
          'Send GET <spelling>?limit=1 without a key for each spelling',
          'Check for every spelling HTTP 401 (refused) or 404 (unknown), never the service answer',
        ],
      },
      expected: {
        it: 'Senza chiave, ogni variante (percent-encoding, maiuscole, segmento ".") riceve HTTP 401 o 404, mai una risposta del servizio',
        en: 'Without a key, every spelling (percent-encoding, upper case, "." segment) gets HTTP 401 or 404, never a service answer',
      },
    },
    {
      id: 'ACC-07',
      title: { it: 'La chiave "Flussi di Rendicontazione" funziona per l\'EC', en: 'The reporting-flows (FdR) key works for the EC' },
      preconditions: {
        it: 'Chiave FDR_SUBSCRIPTION_KEY (prodotto Back Office "FdR - Flussi di Rendicontazione (EC)") configurata per l\'EC; senza di essa il caso è saltato',
        en: 'FDR_SUBSCRIPTION_KEY (Back Office product "FdR - Flussi di Rendicontazione (EC)") configured for the EC; without it the case is skipped',
      },
      steps: {
        it: [
          'Inviare GET /organizations/{ec}/fdrs?size=1 (FdR) con la chiave FdR',
          'Verificare HTTP 200 (anche senza flussi: count 0); con 401 o 403 il caso indica cosa correggere e i casi FDR sono saltati con la stessa indicazione',
        ],
        en: [
          'Send GET /organizations/{ec}/fdrs?size=1 (FdR) with the FdR key',
          'Check HTTP 200 (also without flows: count 0); on 401 or 403 the case says what to fix and the FDR cases are skipped with the same advice',
        ],
      },
      expected: {
        it: "HTTP 200 sull'elenco dei flussi pubblicati dell'EC (caso saltato se la chiave non è configurata)",
        en: "HTTP 200 on the EC's published flows list (skipped when the key is not configured)",
      },
    },
    {
      id: 'ACC-08',
      title: { it: 'La chiave "BIZ - Recupero ricevute Ente Creditore" funziona per l\'EC', en: 'The biz-events receipts key works for the EC' },
      preconditions: {
        it: 'Chiave BIZ_SUBSCRIPTION_KEY (prodotto Back Office "BIZ - Recupero ricevute Ente Creditore") configurata per l\'EC; senza di essa il caso è saltato',
        en: 'BIZ_SUBSCRIPTION_KEY (Back Office product "BIZ - Recupero ricevute Ente Creditore") configured for the EC; without it the case is skipped',
      },
      steps: {
        it: [
          'Inviare GET /organizations/{ec}/receipts/conformance-key-check (biz-events, una ricevuta che non esiste) con la chiave BIZ',
          'Verificare HTTP 404 del servizio (chiave e EC accettati); con 401 o 403 il caso indica cosa correggere e il caso RIC-03 è saltato con la stessa indicazione',
        ],
        en: [
          'Send GET /organizations/{ec}/receipts/conformance-key-check (biz-events, a receipt that does not exist) with the BIZ key',
          "Check the service's HTTP 404 (key and EC accepted); on 401 or 403 the case says what to fix and RIC-03 is skipped with the same advice",
        ],
      },
      expected: {
        it: 'Risposta del servizio biz-events (404 per la ricevuta inesistente), non del gateway (caso saltato se la chiave non è configurata)',
        en: "The biz-events service's answer (404 for the receipt that does not exist), not the gateway's (skipped when the key is not configured)",
      },
    },
  ]),
  ...cases('GPD-CRE', 6, [
    {
      id: 'GPD-CRE-01',
      severity: 'blocker',
      title: { it: 'Creazione in bozza (toPublish=false)', en: 'Create as draft (toPublish=false)' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Preparare una posizione debitoria per persona fisica con una opzione di pagamento in scadenza a 30 giorni',
          'Inviare POST /organizations/{ec}/debtpositions?toPublish=false',
          'Verificare HTTP 201 e stato DRAFT',
          'Verificare che IUPD, IUV e importo siano quelli inviati e che il codice avviso (NAV) sia 3 + IUV',
        ],
        en: [
          "Prepare a natural person's debt position with one payment option due in 30 days",
          'Send POST /organizations/{ec}/debtpositions?toPublish=false',
          'Check HTTP 201 and status DRAFT',
          'Check that IUPD, IUV and amount are the ones sent and that the notice number (NAV) is 3 + IUV',
        ],
      },
      expected: { it: 'HTTP 201, stato DRAFT, NAV = 3 + IUV', en: 'HTTP 201, status DRAFT, NAV = 3 + IUV' },
    },
    {
      id: 'GPD-CRE-02',
      severity: 'blocker',
      title: { it: 'Creazione e pubblicazione senza data di validità', en: 'Create and publish without validity date' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Preparare una posizione debitoria senza data di validità',
          'Inviare POST /organizations/{ec}/debtpositions?toPublish=true',
          'Verificare HTTP 201 e stato VALID',
        ],
        en: ['Prepare a debt position without validity date', 'Send POST /organizations/{ec}/debtpositions?toPublish=true', 'Check HTTP 201 and status VALID'],
      },
      expected: { it: 'HTTP 201, stato VALID (subito pagabile)', en: 'HTTP 201, status VALID (payable at once)' },
    },
    {
      id: 'GPD-CRE-03',
      severity: 'critical',
      title: { it: 'Creazione e pubblicazione con validità futura', en: 'Create and publish with a future validity date' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Preparare una posizione debitoria con data di validità tra 2 giorni',
          'Inviare POST /organizations/{ec}/debtpositions?toPublish=true',
          'Verificare HTTP 201 e stato PUBLISHED',
        ],
        en: [
          'Prepare a debt position with a validity date in 2 days',
          'Send POST /organizations/{ec}/debtpositions?toPublish=true',
          'Check HTTP 201 and status PUBLISHED',
        ],
      },
      expected: { it: 'HTTP 201, stato PUBLISHED', en: 'HTTP 201, status PUBLISHED' },
    },
    {
      id: 'GPD-CRE-04',
      title: { it: 'Posizione multibeneficiario (trasferimento a un secondo EC)', en: 'Multi-beneficiary position (transfer to a second EC)' },
      preconditions: {
        it: 'Come GPD-CRE-01; codice fiscale di un secondo EC beneficiario (SECOND_EC_FISCAL_CODE)',
        en: 'As GPD-CRE-01; the fiscal code of a second beneficiary EC (SECOND_EC_FISCAL_CODE)',
      },
      steps: {
        it: [
          "Preparare una opzione da 100,00 € con due trasferimenti: 70,00 € all'EC (idTransfer 1) e 30,00 € al secondo EC (idTransfer 2)",
          'Inviare POST /organizations/{ec}/debtpositions?toPublish=true',
          'Verificare HTTP 201 e i due trasferimenti restituiti con idTransfer, EC e importo inviati',
        ],
        en: [
          'Prepare an option of € 100.00 with two transfers: € 70.00 to the EC (idTransfer 1) and € 30.00 to the second EC (idTransfer 2)',
          'Send POST /organizations/{ec}/debtpositions?toPublish=true',
          'Check HTTP 201 and the two transfers returned with the idTransfer, EC and amount sent',
        ],
      },
      expected: { it: 'HTTP 201, due trasferimenti con gli EC indicati', en: 'HTTP 201, two transfers with the given ECs' },
    },
    {
      id: 'GPD-CRE-05',
      title: { it: 'Piano rateale', en: 'Installment plan' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Preparare una posizione con una opzione in soluzione unica da 120,00 € (scadenza a 30 giorni) e tre rate da 40,00 € (isPartialPayment=true, scadenze a 30, 60 e 90 giorni)',
          'Inviare POST /organizations/{ec}/debtpositions?toPublish=true',
          'Verificare HTTP 201, stato VALID e quattro opzioni, di cui tre rateali',
          'Verificare che ogni opzione abbia un codice avviso distinto, pari a 3 + IUV',
        ],
        en: [
          'Prepare a position with a single-payment option of € 120.00 (due in 30 days) and three installments of € 40.00 (isPartialPayment=true, due in 30, 60 and 90 days)',
          'Send POST /organizations/{ec}/debtpositions?toPublish=true',
          'Check HTTP 201, status VALID and four options, three of them installments',
          'Check that every option has its own notice number, equal to 3 + IUV',
        ],
      },
      expected: { it: 'HTTP 201, opzioni rateali con NAV distinti', en: 'HTTP 201, installment options with distinct NAVs' },
    },
    {
      id: 'GPD-CRE-06',
      title: { it: 'Trasferimento con marca da bollo digitale', en: 'Digital stamp transfer' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Preparare una opzione da 116,00 € con due trasferimenti: 100,00 € su IBAN e 16,00 € con marca da bollo digitale (hash del documento, tipo 01, provincia RM) e senza IBAN',
          'Inviare POST /organizations/{ec}/debtpositions',
          'Verificare HTTP 201 e che il trasferimento 2 riporti la marca da bollo inviata e nessun IBAN',
        ],
        en: [
          'Prepare an option of € 116.00 with two transfers: € 100.00 to an IBAN and € 16.00 with a digital stamp (document hash, type 01, province RM) and no IBAN',
          'Send POST /organizations/{ec}/debtpositions',
          'Check HTTP 201 and that transfer 2 carries the stamp sent and no IBAN',
        ],
      },
      expected: { it: 'HTTP 201, trasferimento con marca da bollo e senza IBAN', en: 'HTTP 201, transfer with stamp and no IBAN' },
    },
    {
      id: 'GPD-CRE-07',
      severity: 'critical',
      title: { it: 'IUPD duplicato', en: 'Duplicate IUPD' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare una posizione con POST /organizations/{ec}/debtpositions (HTTP 201)',
          'Inviare POST /organizations/{ec}/debtpositions con una seconda posizione con lo stesso IUPD e un IUV nuovo',
          'Verificare HTTP 409 "The debt position violated constraints of uniqueness" con il dettaglio che nomina il codice fiscale dell\'EC',
        ],
        en: [
          'Create a position with POST /organizations/{ec}/debtpositions (HTTP 201)',
          'Send POST /organizations/{ec}/debtpositions with a second position with the same IUPD and a new IUV',
          'Check HTTP 409 "The debt position violated constraints of uniqueness" with the detail naming the EC fiscal code',
        ],
      },
      expected: {
        it: 'HTTP 409 "The debt position violated constraints of uniqueness"',
        en: 'HTTP 409 "The debt position violated constraints of uniqueness"',
      },
    },
    {
      id: 'GPD-CRE-08',
      severity: 'critical',
      title: { it: 'IUV duplicato', en: 'Duplicate IUV' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare una posizione con POST /organizations/{ec}/debtpositions (HTTP 201)',
          'Inviare POST /organizations/{ec}/debtpositions con una seconda posizione con IUPD nuovo e lo stesso IUV della prima',
          'Verificare HTTP 409 "The debt position violated constraints of uniqueness" con il dettaglio che nomina il codice fiscale dell\'EC',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} che la seconda posizione non esista (HTTP 404)',
        ],
        en: [
          'Create a position with POST /organizations/{ec}/debtpositions (HTTP 201)',
          'Send POST /organizations/{ec}/debtpositions with a second position with a new IUPD and the IUV of the first',
          'Check HTTP 409 "The debt position violated constraints of uniqueness" with the detail naming the EC fiscal code',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} that the second position does not exist (HTTP 404)',
        ],
      },
      expected: {
        it: 'HTTP 409 "The debt position violated constraints of uniqueness"',
        en: 'HTTP 409 "The debt position violated constraints of uniqueness"',
      },
    },
    {
      id: 'GPD-CRE-09',
      title: { it: 'Importo opzione diverso dalla somma dei trasferimenti', en: 'Option amount differs from the transfers total' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Preparare una opzione da 100,00 € con un solo trasferimento da 90,00 €',
          'Inviare POST /organizations/{ec}/debtpositions',
          'Verificare HTTP 400 "Error in the debt position request data" con dettaglio "Amounts congruence error: … [payment_option_amount(in cent)=10000; total_tranfers_amount(in cent)=9000]"',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} che la posizione non esista (HTTP 404)',
        ],
        en: [
          'Prepare an option of € 100.00 with a single transfer of € 90.00',
          'Send POST /organizations/{ec}/debtpositions',
          'Check HTTP 400 "Error in the debt position request data" with detail "Amounts congruence error: … [payment_option_amount(in cent)=10000; total_tranfers_amount(in cent)=9000]"',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} that the position does not exist (HTTP 404)',
        ],
      },
      expected: { it: 'HTTP 400 "Amounts congruence error"', en: 'HTTP 400 "Amounts congruence error"' },
    },
    {
      id: 'GPD-CRE-10',
      title: { it: 'Più di 5 trasferimenti', en: 'More than 5 transfers' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Preparare una opzione da 60,00 € con sei trasferimenti da 10,00 € (idTransfer 1–5 e ancora 5), corpo volutamente non conforme allo schema',
          'Inviare POST /organizations/{ec}/debtpositions',
          'Verificare HTTP 400 "Error in the debt position request data" con dettaglio "Number of transfers congruence error: … [transactions found=6]"',
        ],
        en: [
          'Prepare an option of € 60.00 with six transfers of € 10.00 (idTransfer 1–5 and 5 again), a body deliberately outside the schema',
          'Send POST /organizations/{ec}/debtpositions',
          'Check HTTP 400 "Error in the debt position request data" with detail "Number of transfers congruence error: … [transactions found=6]"',
        ],
      },
      expected: { it: 'HTTP 400 "Number of transfers congruence error"', en: 'HTTP 400 "Number of transfers congruence error"' },
    },
    {
      id: 'GPD-CRE-11',
      title: { it: 'IBAN e marca da bollo insieme', en: 'IBAN and stamp together' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Preparare una opzione con un trasferimento che ha sia IBAN sia marca da bollo digitale',
          'Inviare POST /organizations/{ec}/debtpositions',
          'Verificare HTTP 400 "Error in the debt position request data" con dettaglio "The Iban may be present … or the Stamp. Not all at the same time [iuv=<IUV>, transaction id=1]."',
        ],
        en: [
          'Prepare an option with one transfer carrying both an IBAN and a digital stamp',
          'Send POST /organizations/{ec}/debtpositions',
          'Check HTTP 400 "Error in the debt position request data" with detail "The Iban may be present … or the Stamp. Not all at the same time [iuv=<IUV>, transaction id=1]."',
        ],
      },
      expected: { it: 'HTTP 400, IBAN oppure marca da bollo', en: 'HTTP 400, IBAN or stamp' },
    },
    {
      id: 'GPD-CRE-12',
      title: { it: 'Data di scadenza nel passato', en: 'Due date in the past' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          "Preparare una posizione con la scadenza dell'opzione a ieri",
          'Inviare POST /organizations/{ec}/debtpositions',
          'Verificare HTTP 400 "Error in the debt position request data" con dettaglio che inizia per "Dates congruence error: due_date must be >= validity_date (if provided) or due_date must be >= current_date"',
        ],
        en: [
          'Prepare a position whose option was due yesterday',
          'Send POST /organizations/{ec}/debtpositions',
          'Check HTTP 400 "Error in the debt position request data" with detail starting "Dates congruence error: due_date must be >= validity_date (if provided) or due_date must be >= current_date"',
        ],
      },
      expected: { it: 'HTTP 400 "Dates congruence error: due_date"', en: 'HTTP 400 "Dates congruence error: due_date"' },
    },
    {
      id: 'GPD-CRE-13',
      title: { it: 'idTransfer fuori dai valori ammessi', en: 'idTransfer outside the allowed values' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Preparare una opzione con un trasferimento con idTransfer 6 (ammessi 1–5), corpo volutamente non conforme allo schema',
          'Inviare POST /organizations/{ec}/debtpositions',
          'Verificare HTTP 400 "Error in the debt position request data" con dettaglio "Transfer ID congruence error: … [transaction id=6; expected values=[1, 2, 3, 4, 5]]"',
        ],
        en: [
          'Prepare an option with a transfer with idTransfer 6 (allowed 1–5), a body deliberately outside the schema',
          'Send POST /organizations/{ec}/debtpositions',
          'Check HTTP 400 "Error in the debt position request data" with detail "Transfer ID congruence error: … [transaction id=6; expected values=[1, 2, 3, 4, 5]]"',
        ],
      },
      expected: { it: 'HTTP 400 "Transfer ID congruence error"', en: 'HTTP 400 "Transfer ID congruence error"' },
    },
    {
      id: 'GPD-CRE-14',
      title: { it: 'Campi obbligatori mancanti', en: 'Missing required fields' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Preparare una posizione senza codice fiscale del debitore (fiscalCode) e con una opzione senza IUV',
          'Inviare POST /organizations/{ec}/debtpositions',
          'Verificare HTTP 400 "BAD REQUEST" con dettaglio che nomina fiscalCode e iuv',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} che la posizione non esista (HTTP 404)',
        ],
        en: [
          "Prepare a position without the debtor's fiscal code (fiscalCode) and with an option without IUV",
          'Send POST /organizations/{ec}/debtpositions',
          'Check HTTP 400 "BAD REQUEST" with a detail naming fiscalCode and iuv',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} that the position does not exist (HTTP 404)',
        ],
      },
      expected: { it: 'HTTP 400 "BAD REQUEST" con i campi mancanti', en: 'HTTP 400 "BAD REQUEST" naming the missing fields' },
    },
    {
      id: 'GPD-CRE-15',
      title: { it: 'Data di validità nel passato', en: 'Validity date in the past' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Preparare una posizione con data di validità a ieri',
          'Inviare POST /organizations/{ec}/debtpositions?toPublish=true',
          'Verificare HTTP 400 "Error in the debt position request data" con dettaglio che inizia per "Dates congruence error: validity_date must be >= current_date"',
        ],
        en: [
          'Prepare a position with a validity date of yesterday',
          'Send POST /organizations/{ec}/debtpositions?toPublish=true',
          'Check HTTP 400 "Error in the debt position request data" with detail starting "Dates congruence error: validity_date must be >= current_date"',
        ],
      },
      expected: { it: 'HTTP 400 "Dates congruence error: validity_date"', en: 'HTTP 400 "Dates congruence error: validity_date"' },
    },
    {
      id: 'GPD-CRE-16',
      title: { it: 'Richiesta malformata (JSON non valido)', en: 'Malformed request (invalid JSON)' },
      preconditions: GPD_UNKNOWN,
      steps: {
        it: [
          'Inviare POST /organizations/{ec}/debtpositions con un corpo JSON troncato che contiene lo IUPD generato',
          'Verificare HTTP 400 "BAD REQUEST"',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} che la posizione non esista (HTTP 404)',
        ],
        en: [
          'Send POST /organizations/{ec}/debtpositions with a truncated JSON body holding the generated IUPD',
          'Check HTTP 400 "BAD REQUEST"',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} that the position does not exist (HTTP 404)',
        ],
      },
      expected: { it: 'HTTP 400, nessuna posizione creata', en: 'HTTP 400, no position created' },
    },
  ]),
  ...cases('GPD-PUB', 6, [
    {
      id: 'GPD-PUB-01',
      severity: 'blocker',
      title: { it: 'Pubblicazione di una bozza senza validità', en: 'Publish a draft without validity date' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare in bozza una posizione senza data di validità (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Inviare POST /organizations/{ec}/debtpositions/{iupd}/publish',
          'Verificare HTTP 200 e stato VALID',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} lo stato VALID',
        ],
        en: [
          'Create a draft position without validity date (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Send POST /organizations/{ec}/debtpositions/{iupd}/publish',
          'Check HTTP 200 and status VALID',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} the status VALID',
        ],
      },
      expected: { it: 'HTTP 200, stato VALID', en: 'HTTP 200, status VALID' },
    },
    {
      id: 'GPD-PUB-02',
      severity: 'critical',
      title: { it: 'Pubblicazione di una bozza con validità futura', en: 'Publish a draft with a future validity date' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare in bozza una posizione con data di validità tra 3 giorni (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Inviare POST /organizations/{ec}/debtpositions/{iupd}/publish',
          'Verificare HTTP 200 e stato PUBLISHED',
        ],
        en: [
          'Create a draft position with a validity date in 3 days (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Send POST /organizations/{ec}/debtpositions/{iupd}/publish',
          'Check HTTP 200 and status PUBLISHED',
        ],
      },
      expected: { it: 'HTTP 200, stato PUBLISHED', en: 'HTTP 200, status PUBLISHED' },
    },
    {
      id: 'GPD-PUB-03',
      title: { it: 'Doppia pubblicazione', en: 'Publish twice' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare in bozza una posizione (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Pubblicarla con POST /organizations/{ec}/debtpositions/{iupd}/publish (HTTP 200)',
          'Inviare di nuovo POST /organizations/{ec}/debtpositions/{iupd}/publish',
          'Verificare HTTP 409 "Existing related payment found or not in publishable state" con il dettaglio che nomina EC e IUPD',
        ],
        en: [
          'Create a draft position (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Publish it with POST /organizations/{ec}/debtpositions/{iupd}/publish (HTTP 200)',
          'Send POST /organizations/{ec}/debtpositions/{iupd}/publish again',
          'Check HTTP 409 "Existing related payment found or not in publishable state" with the detail naming EC and IUPD',
        ],
      },
      expected: { it: 'HTTP 409 "not in publishable state"', en: 'HTTP 409 "not in publishable state"' },
    },
    {
      id: 'GPD-PUB-04',
      title: { it: 'Pubblicazione dopo la data di scadenza', en: 'Publish after the due date' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare in bozza una posizione (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Spostare le date nel passato con PUT /organizations/{ec}/debtpositions/{iupd} (switchToExpired=false, validità due giorni fa, scadenza ieri) e verificare HTTP 200, stato DRAFT',
          'Inviare POST /organizations/{ec}/debtpositions/{iupd}/publish',
          'Verificare HTTP 409 "Publish request occurred after the due date of a payment options has expired" con il dettaglio che nomina EC e IUPD',
        ],
        en: [
          'Create a draft position (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Move its dates into the past with PUT /organizations/{ec}/debtpositions/{iupd} (switchToExpired=false, validity two days ago, due yesterday) and check HTTP 200, status DRAFT',
          'Send POST /organizations/{ec}/debtpositions/{iupd}/publish',
          'Check HTTP 409 "Publish request occurred after the due date of a payment options has expired" with the detail naming EC and IUPD',
        ],
      },
      expected: { it: 'HTTP 409 "Publish request occurred after the due date…"', en: 'HTTP 409 "Publish request occurred after the due date…"' },
    },
  ]),
  ...cases('GPD-UPD', 6, [
    {
      id: 'GPD-UPD-01',
      severity: 'blocker',
      title: { it: 'Aggiornamento di una bozza', en: 'Update a draft' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare in bozza una posizione (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Inviare PUT /organizations/{ec}/debtpositions/{iupd} con ente "Comune di Rettifica" e l\'opzione (stesso IUV) a 250,50 €, descrizione "Importo rettificato"',
          'Verificare HTTP 200',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} stato DRAFT, ente e opzione aggiornati',
        ],
        en: [
          'Create a draft position (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Send PUT /organizations/{ec}/debtpositions/{iupd} with company "Comune di Rettifica" and the option (same IUV) at € 250.50, description "Importo rettificato"',
          'Check HTTP 200',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} status DRAFT, company and option updated',
        ],
      },
      expected: { it: 'HTTP 200, dati aggiornati, stato DRAFT', en: 'HTTP 200, data updated, status DRAFT' },
    },
    {
      id: 'GPD-UPD-02',
      severity: 'critical',
      title: { it: 'Aggiornamento di una posizione VALID con toPublish=true', en: 'Update a VALID position with toPublish=true' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare e pubblicare una posizione (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Inviare PUT /organizations/{ec}/debtpositions/{iupd}?toPublish=true con ufficio "Ufficio Tributi"',
          'Verificare HTTP 200 e stato VALID',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} lo stato VALID',
        ],
        en: [
          'Create and publish a position (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Send PUT /organizations/{ec}/debtpositions/{iupd}?toPublish=true with office "Ufficio Tributi"',
          'Check HTTP 200 and status VALID',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} the status VALID',
        ],
      },
      expected: { it: 'HTTP 200, resta VALID (pagabile)', en: 'HTTP 200, stays VALID (payable)' },
    },
    {
      id: 'GPD-UPD-03',
      severity: 'critical',
      title: { it: 'Aggiornamento di una posizione VALID senza toPublish (trappola)', en: 'Update a VALID position without toPublish (trap)' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare e pubblicare una posizione (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Inviare PUT /organizations/{ec}/debtpositions/{iupd} senza toPublish, con ufficio "Ufficio Tributi"',
          'Verificare HTTP 200 e stato DRAFT: la posizione non è più pagabile',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} lo stato DRAFT',
        ],
        en: [
          'Create and publish a position (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Send PUT /organizations/{ec}/debtpositions/{iupd} without toPublish, with office "Ufficio Tributi"',
          'Check HTTP 200 and status DRAFT: the position is no longer payable',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} the status DRAFT',
        ],
      },
      expected: { it: 'HTTP 200, torna DRAFT e non è più pagabile', en: 'HTTP 200, falls back to DRAFT and is no longer payable' },
    },
    {
      id: 'GPD-UPD-04',
      title: { it: 'Aggiornamento di una posizione inesistente', en: 'Update an unknown position' },
      preconditions: GPD_UNKNOWN,
      steps: {
        it: [
          'Inviare PUT /organizations/{ec}/debtpositions/{iupd} con una posizione valida mai creata',
          'Verificare HTTP 404 "Not found the debt position" con il dettaglio che nomina EC e IUPD',
        ],
        en: [
          'Send PUT /organizations/{ec}/debtpositions/{iupd} with a valid position never created',
          'Check HTTP 404 "Not found the debt position" with the detail naming EC and IUPD',
        ],
      },
      expected: { it: 'HTTP 404 "Not found the debt position"', en: 'HTTP 404 "Not found the debt position"' },
    },
    {
      id: 'GPD-UPD-05',
      title: { it: 'Aggiornamento di una posizione pagata', en: 'Update a paid position' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare e pubblicare una posizione (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Registrarla come pagata con POST /organizations/{ec}/paymentoptions/paids/{nav} (HTTP 200) e verificare con GET lo stato PAID',
          'Inviare PUT /organizations/{ec}/debtpositions/{iupd}?toPublish=true',
          'Verificare HTTP 409 "Existing related payment found or not in updatable state" con il dettaglio che nomina EC e IUPD',
        ],
        en: [
          'Create and publish a position (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Record it as paid with POST /organizations/{ec}/paymentoptions/paids/{nav} (HTTP 200) and check with GET the status PAID',
          'Send PUT /organizations/{ec}/debtpositions/{iupd}?toPublish=true',
          'Check HTTP 409 "Existing related payment found or not in updatable state" with the detail naming EC and IUPD',
        ],
      },
      expected: { it: 'HTTP 409 "not in updatable state"', en: 'HTTP 409 "not in updatable state"' },
    },
    {
      id: 'GPD-UPD-06',
      title: { it: 'Aggiornamento di una posizione invalidata', en: 'Update an invalidated position' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare e pubblicare una posizione (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Invalidarla con POST /organizations/{ec}/debtpositions/{iupd}/invalidate (HTTP 200)',
          'Inviare PUT /organizations/{ec}/debtpositions/{iupd}?toPublish=true',
          'Verificare HTTP 409 "Existing related payment found or not in updatable state" con il dettaglio che nomina EC e IUPD',
        ],
        en: [
          'Create and publish a position (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Invalidate it with POST /organizations/{ec}/debtpositions/{iupd}/invalidate (HTTP 200)',
          'Send PUT /organizations/{ec}/debtpositions/{iupd}?toPublish=true',
          'Check HTTP 409 "Existing related payment found or not in updatable state" with the detail naming EC and IUPD',
        ],
      },
      expected: { it: 'HTTP 409 "not in updatable state"', en: 'HTTP 409 "not in updatable state"' },
    },
    {
      id: 'GPD-UPD-07',
      title: { it: 'IUPD del corpo diverso da quello del percorso', en: 'Body IUPD differs from the path IUPD' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare in bozza una posizione (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Inviare PUT /organizations/{ec}/debtpositions/{iupd} con un altro IUPD nel corpo',
          'Verificare HTTP 400 "Error in the debt position request data" con dettaglio "IUPD mistmatch error: path variable IUPD [<percorso>] and request body IUPD [<corpo>] must be the same"',
        ],
        en: [
          'Create a draft position (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Send PUT /organizations/{ec}/debtpositions/{iupd} with another IUPD in the body',
          'Check HTTP 400 "Error in the debt position request data" with detail "IUPD mistmatch error: path variable IUPD [<path>] and request body IUPD [<body>] must be the same"',
        ],
      },
      expected: { it: 'HTTP 400 "IUPD mistmatch error"', en: 'HTTP 400 "IUPD mistmatch error"' },
    },
  ]),
  ...cases('GPD-DEL', 6, [
    {
      id: 'GPD-DEL-01',
      severity: 'blocker',
      title: { it: 'Cancellazione di una bozza', en: 'Delete a draft' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare in bozza una posizione (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Inviare DELETE /organizations/{ec}/debtpositions/{iupd}',
          'Verificare HTTP 200 e il corpo "The debt position was successfully deleted" (stringa JSON, virgolette incluse)',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} HTTP 404',
        ],
        en: [
          'Create a draft position (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Send DELETE /organizations/{ec}/debtpositions/{iupd}',
          'Check HTTP 200 and the body "The debt position was successfully deleted" (a JSON string, quotes included)',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} HTTP 404',
        ],
      },
      expected: { it: 'HTTP 200, poi 404 in lettura', en: 'HTTP 200, then 404 on read' },
    },
    {
      id: 'GPD-DEL-02',
      severity: 'critical',
      title: { it: 'Cancellazione di una posizione VALID', en: 'Delete a VALID position' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare e pubblicare una posizione (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Inviare DELETE /organizations/{ec}/debtpositions/{iupd} e verificare HTTP 200',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} HTTP 404',
        ],
        en: [
          'Create and publish a position (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Send DELETE /organizations/{ec}/debtpositions/{iupd} and check HTTP 200',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} HTTP 404',
        ],
      },
      expected: { it: 'HTTP 200, poi 404 in lettura', en: 'HTTP 200, then 404 on read' },
    },
    {
      id: 'GPD-DEL-03',
      title: { it: 'Cancellazione di una posizione pagata', en: 'Delete a paid position' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare e pubblicare una posizione (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Registrarla come pagata con POST /organizations/{ec}/paymentoptions/paids/{nav} (HTTP 200)',
          'Inviare DELETE /organizations/{ec}/debtpositions/{iupd}',
          'Verificare HTTP 409 "Existing related payment found" con il dettaglio che nomina EC e IUPD',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} che resti PAID',
        ],
        en: [
          'Create and publish a position (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Record it as paid with POST /organizations/{ec}/paymentoptions/paids/{nav} (HTTP 200)',
          'Send DELETE /organizations/{ec}/debtpositions/{iupd}',
          'Check HTTP 409 "Existing related payment found" with the detail naming EC and IUPD',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} that it stays PAID',
        ],
      },
      expected: { it: 'HTTP 409 "Existing related payment found"', en: 'HTTP 409 "Existing related payment found"' },
    },
    {
      id: 'GPD-DEL-04',
      title: { it: 'Cancellazione di una posizione inesistente', en: 'Delete an unknown position' },
      preconditions: GPD_UNKNOWN,
      steps: {
        it: [
          'Inviare DELETE /organizations/{ec}/debtpositions/{iupd} con uno IUPD mai creato',
          'Verificare HTTP 404 "Not found the debt position" con il dettaglio che nomina EC e IUPD',
        ],
        en: [
          'Send DELETE /organizations/{ec}/debtpositions/{iupd} with an IUPD never created',
          'Check HTTP 404 "Not found the debt position" with the detail naming EC and IUPD',
        ],
      },
      expected: { it: 'HTTP 404 "Not found the debt position"', en: 'HTTP 404 "Not found the debt position"' },
    },
  ]),
  ...cases('GPD-INV', 6, [
    {
      id: 'GPD-INV-01',
      severity: 'critical',
      title: { it: 'Invalidazione di una posizione VALID', en: 'Invalidate a VALID position' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare e pubblicare una posizione (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Inviare POST /organizations/{ec}/debtpositions/{iupd}/invalidate',
          'Verificare HTTP 200 e stato INVALID, anche con GET /organizations/{ec}/debtpositions/{iupd}',
          'Invalidarla di nuovo e verificare HTTP 409 "Existing related payment found or not in invalidable state"',
          'Pubblicarla (POST …/{iupd}/publish) e verificare HTTP 409 "Existing related payment found or not in publishable state"',
        ],
        en: [
          'Create and publish a position (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Send POST /organizations/{ec}/debtpositions/{iupd}/invalidate',
          'Check HTTP 200 and status INVALID, also with GET /organizations/{ec}/debtpositions/{iupd}',
          'Invalidate it again and check HTTP 409 "Existing related payment found or not in invalidable state"',
          'Publish it (POST …/{iupd}/publish) and check HTTP 409 "Existing related payment found or not in publishable state"',
        ],
      },
      expected: { it: 'HTTP 200, stato INVALID (terminale)', en: 'HTTP 200, status INVALID (terminal)' },
    },
    {
      id: 'GPD-INV-02',
      title: { it: 'Invalidazione di una bozza', en: 'Invalidate a draft' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare in bozza una posizione (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Inviare POST /organizations/{ec}/debtpositions/{iupd}/invalidate',
          'Verificare HTTP 409 "Existing related payment found or not in invalidable state" con il dettaglio che nomina EC e IUPD',
          'Verificare con GET /organizations/{ec}/debtpositions/{iupd} che resti DRAFT',
        ],
        en: [
          'Create a draft position (POST /organizations/{ec}/debtpositions, HTTP 201)',
          'Send POST /organizations/{ec}/debtpositions/{iupd}/invalidate',
          'Check HTTP 409 "Existing related payment found or not in invalidable state" with the detail naming EC and IUPD',
          'Check with GET /organizations/{ec}/debtpositions/{iupd} that it stays DRAFT',
        ],
      },
      expected: { it: 'HTTP 409 "not in invalidable state"', en: 'HTTP 409 "not in invalidable state"' },
    },
  ]),
  ...cases('GPD-GET', 6, [
    {
      id: 'GPD-GET-01',
      severity: 'critical',
      title: { it: 'Lettura di una posizione', en: 'Get one position' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare e pubblicare una posizione con ufficio "Ufficio Tributi" (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Inviare GET /organizations/{ec}/debtpositions/{iupd} e verificare HTTP 200',
          'Verificare IUPD, EC, tipo F, ente, ufficio e stato VALID',
          "Verificare l'opzione: IUV, codice avviso 3 + IUV, importo, descrizione, scadenza, isPartialPayment=false, stato PO_UNPAID",
          'Verificare il trasferimento: idTransfer 1, importo, IBAN, categoria, stato T_UNREPORTED',
          'Verificare che la lettura non riporti i dati del debitore (fiscalCode, fullName)',
        ],
        en: [
          'Create and publish a position with office "Ufficio Tributi" (POST /organizations/{ec}/debtpositions?toPublish=true, HTTP 201)',
          'Send GET /organizations/{ec}/debtpositions/{iupd} and check HTTP 200',
          'Check IUPD, EC, type F, company, office and status VALID',
          'Check the option: IUV, notice number 3 + IUV, amount, description, due date, isPartialPayment=false, status PO_UNPAID',
          'Check the transfer: idTransfer 1, amount, IBAN, category, status T_UNREPORTED',
          'Check that the read model carries no debtor data (fiscalCode, fullName)',
        ],
      },
      expected: { it: 'HTTP 200, dati coerenti con la creazione', en: 'HTTP 200, data consistent with creation' },
    },
    {
      id: 'GPD-GET-02',
      title: { it: 'Lettura di una posizione inesistente', en: 'Get an unknown position' },
      preconditions: GPD_UNKNOWN,
      steps: {
        it: [
          'Inviare GET /organizations/{ec}/debtpositions/{iupd} con uno IUPD mai creato',
          'Verificare HTTP 404 "Not found the debt position" con il dettaglio che nomina EC e IUPD',
        ],
        en: [
          'Send GET /organizations/{ec}/debtpositions/{iupd} with an IUPD never created',
          'Check HTTP 404 "Not found the debt position" with the detail naming EC and IUPD',
        ],
      },
      expected: { it: 'HTTP 404 "Not found the debt position"', en: 'HTTP 404 "Not found the debt position"' },
    },
    {
      id: 'GPD-GET-03',
      title: { it: 'Elenco filtrato per stato', en: 'List filtered by status' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare una posizione in bozza e una pubblicata (VALID) con POST /organizations/{ec}/debtpositions',
          'Inviare GET /organizations/{ec}/debtpositions?status=DRAFT&limit=50&orderby=INSERTED_DATE&ordering=DESC',
          'Verificare HTTP 200 e che tutte le posizioni restituite siano DRAFT',
          "Verificare che l'elenco contenga la bozza e non la posizione VALID",
        ],
        en: [
          'Create a draft and a published (VALID) position with POST /organizations/{ec}/debtpositions',
          'Send GET /organizations/{ec}/debtpositions?status=DRAFT&limit=50&orderby=INSERTED_DATE&ordering=DESC',
          'Check HTTP 200 and that every position returned is DRAFT',
          'Check that the list holds the draft and not the VALID position',
        ],
      },
      expected: { it: 'HTTP 200, solo posizioni nello stato richiesto', en: 'HTTP 200, only positions in the requested status' },
    },
    {
      id: 'GPD-GET-04',
      title: { it: 'Elenco filtrato per data di scadenza', en: 'List filtered by due date' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare in bozza una posizione in scadenza tra 45 giorni alle 12:00',
          'Inviare GET /organizations/{ec}/debtpositions?due_date_from=<giorno>&due_date_to=<giorno>&limit=50&orderby=INSERTED_DATE&ordering=DESC',
          'Verificare HTTP 200 e che ogni posizione restituita abbia una opzione in scadenza quel giorno',
          "Verificare che l'elenco contenga la posizione creata",
        ],
        en: [
          'Create a draft position due in 45 days at 12:00',
          'Send GET /organizations/{ec}/debtpositions?due_date_from=<day>&due_date_to=<day>&limit=50&orderby=INSERTED_DATE&ordering=DESC',
          'Check HTTP 200 and that every position returned has an option due on that day',
          'Check that the list holds the position created',
        ],
      },
      expected: { it: "HTTP 200, solo scadenze nell'intervallo", en: 'HTTP 200, only due dates in the interval' },
    },
    {
      id: 'GPD-GET-05',
      title: { it: "Ordinamento dell'elenco", en: 'List ordering' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare in bozza tre posizioni',
          'Inviare GET /organizations/{ec}/debtpositions?orderby=INSERTED_DATE&ordering=ASC&limit=20 e poi con ordering=DESC',
          'Verificare per entrambe HTTP 200, almeno tre elementi e insertedDate in ordine crescente (ASC) o decrescente (DESC)',
        ],
        en: [
          'Create three draft positions',
          'Send GET /organizations/{ec}/debtpositions?orderby=INSERTED_DATE&ordering=ASC&limit=20, then with ordering=DESC',
          'Check for both HTTP 200, at least three items and insertedDate ascending (ASC) or descending (DESC)',
        ],
      },
      expected: { it: 'HTTP 200, elementi ordinati come richiesto', en: 'HTTP 200, items ordered as requested' },
    },
    {
      id: 'GPD-GET-06',
      title: { it: "Paginazione dell'elenco", en: 'List pagination' },
      preconditions: {
        it: 'Come GPD-CRE-01; un giorno di scadenza (tra 52 giorni) usato solo da questo caso, così le altre prove in parallelo non spostano le pagine',
        en: 'As GPD-CRE-01; a due day (in 52 days) used by this case only, so that cases running in parallel cannot shift the pages',
      },
      steps: {
        it: [
          'Creare in bozza quattro posizioni in scadenza quel giorno',
          'Inviare GET /organizations/{ec}/debtpositions?due_date_from=<giorno>&due_date_to=<giorno>&limit=2&orderby=IUPD&ordering=ASC con page=0 e con page=1',
          'Verificare HTTP 200 e page_info: pagina 0 con limit 2 e items_found 2, pagina 1 con limit 2, total_pages ≥ 2, items_found pari agli elementi della pagina',
          'Verificare che gli IUPD siano crescenti sulle due pagine e che nessuna posizione compaia in entrambe',
        ],
        en: [
          'Create four draft positions due on that day',
          'Send GET /organizations/{ec}/debtpositions?due_date_from=<day>&due_date_to=<day>&limit=2&orderby=IUPD&ordering=ASC with page=0 and with page=1',
          'Check HTTP 200 and page_info: page 0 with limit 2 and items_found 2, page 1 with limit 2, total_pages ≥ 2, items_found equal to the items of the page',
          'Check that the IUPDs ascend across the two pages and that no position is on both',
        ],
      },
      expected: { it: 'HTTP 200, page_info coerente, pagine disgiunte', en: 'HTTP 200, consistent page_info, disjoint pages' },
    },
    {
      id: 'GPD-GET-07',
      title: { it: 'Limite di pagina (default 10, massimo 50)', en: 'Page limit (default 10, max 50)' },
      preconditions: GPD_NEW,
      steps: {
        it: [
          'Creare in bozza undici posizioni',
          'Inviare GET /organizations/{ec}/debtpositions senza parametri e verificare HTTP 200, page_info.limit 10 e 10 elementi',
          'Inviare GET …/debtpositions?limit=50 e verificare HTTP 200',
          'Inviare GET …/debtpositions?limit=51 e ?limit=0 e verificare HTTP 400 "BAD REQUEST" con dettaglio che nomina limit',
        ],
        en: [
          'Create eleven draft positions',
          'Send GET /organizations/{ec}/debtpositions without parameters and check HTTP 200, page_info.limit 10 and 10 items',
          'Send GET …/debtpositions?limit=50 and check HTTP 200',
          'Send GET …/debtpositions?limit=51 and ?limit=0 and check HTTP 400 "BAD REQUEST" with a detail naming limit',
        ],
      },
      expected: { it: 'limit=51 → HTTP 400; senza limit al più 10 elementi', en: 'limit=51 → HTTP 400; without limit at most 10 items' },
    },
    {
      id: 'GPD-GET-08',
      title: { it: 'Regole sulle date dei filtri (30 giorni, gruppi esclusivi)', en: 'Filter date rules (30 days, exclusive groups)' },
      preconditions: { it: "Chiave GPD configurata per l'EC; nessun dato richiesto", en: 'GPD key configured for the EC; no data needed' },
      steps: {
        it: [
          'Inviare GET /organizations/{ec}/debtpositions con due_date_from domani e due_date_to 31 giorni dopo: verificare HTTP 400 "The debt positions cannot be recovered" con dettaglio che termina per "max_days_interval= 30]"',
          'Inviare GET …/debtpositions con due_date_to precedente a due_date_from: verificare HTTP 400 "The debt positions cannot be recovered"',
          'Inviare GET …/debtpositions con due_date_from e payment_date_from insieme: verificare HTTP 400 "Exclusive Parameters" con il dettaglio dei parametri mutuamente esclusivi',
        ],
        en: [
          'Send GET /organizations/{ec}/debtpositions with due_date_from tomorrow and due_date_to 31 days later: check HTTP 400 "The debt positions cannot be recovered" with detail ending "max_days_interval= 30]"',
          'Send GET …/debtpositions with due_date_to before due_date_from: check HTTP 400 "The debt positions cannot be recovered"',
          'Send GET …/debtpositions with due_date_from and payment_date_from together: check HTTP 400 "Exclusive Parameters" with the detail on the mutually exclusive parameters',
        ],
      },
      expected: { it: 'HTTP 400 con i titoli della piattaforma', en: "HTTP 400 with the platform's titles" },
    },
  ]),
  // Optional in the official plan (step 6, activity e), run by us every time.
  ...cases(
    'BLK',
    6,
    [
      {
        id: 'BLK-01',
        severity: 'critical',
        title: { it: 'Creazione massiva v2', en: 'Bulk create (v2)' },
        preconditions: GPD_NEW,
        steps: {
          it: [
            'Preparare un lotto di 10 posizioni',
            'Inviare POST /organizations/{ec}/debtpositions?toPublish=true (GPD v2) con le posizioni in paymentPositions',
            'Verificare HTTP 201 senza corpo',
            'Verificare con GET /organizations/{ec}/debtpositions/{iupd} (v1) che ogni posizione esista e sia VALID',
          ],
          en: [
            'Prepare a batch of 10 positions',
            'Send POST /organizations/{ec}/debtpositions?toPublish=true (GPD v2) with the positions in paymentPositions',
            'Check HTTP 201 with no body',
            'Check with GET /organizations/{ec}/debtpositions/{iupd} (v1) that every position exists and is VALID',
          ],
        },
        expected: { it: 'HTTP 201 senza corpo; ogni posizione esiste ed è VALID', en: 'HTTP 201, no body; every position exists and is VALID' },
      },
      {
        id: 'BLK-02',
        title: { it: 'Aggiornamento massivo v2', en: 'Bulk update (v2)' },
        preconditions: GPD_NEW,
        steps: {
          it: [
            'Creare in bozza 10 posizioni con POST /organizations/{ec}/debtpositions (GPD v2, HTTP 201)',
            "Inviare PUT /organizations/{ec}/debtpositions?toPublish=true (GPD v2) con una nuova descrizione dell'opzione per ogni posizione",
            'Verificare HTTP 200 senza corpo',
            'Verificare con GET (v1) che ogni posizione sia VALID con la nuova descrizione',
          ],
          en: [
            'Create 10 draft positions with POST /organizations/{ec}/debtpositions (GPD v2, HTTP 201)',
            'Send PUT /organizations/{ec}/debtpositions?toPublish=true (GPD v2) with a new option description for every position',
            'Check HTTP 200 with no body',
            'Check with GET (v1) that every position is VALID with the new description',
          ],
        },
        expected: { it: 'HTTP 200 senza corpo; ogni posizione aggiornata', en: 'HTTP 200, no body; every position updated' },
      },
      {
        id: 'BLK-03',
        title: { it: 'Cancellazione massiva v2', en: 'Bulk delete (v2)' },
        preconditions: GPD_NEW,
        steps: {
          it: [
            'Creare in bozza 5 posizioni con POST /organizations/{ec}/debtpositions (GPD v2, HTTP 201)',
            'Inviare DELETE /organizations/{ec}/debtpositions (GPD v2) con i 5 IUPD in paymentPositionIUPDs',
            'Verificare HTTP 200 e il testo semplice "The debt position was successfully deleted" (senza le virgolette della v1)',
            'Verificare con GET (v1) HTTP 404 per ogni posizione',
          ],
          en: [
            'Create 5 draft positions with POST /organizations/{ec}/debtpositions (GPD v2, HTTP 201)',
            'Send DELETE /organizations/{ec}/debtpositions (GPD v2) with the 5 IUPDs in paymentPositionIUPDs',
            'Check HTTP 200 and the plain text "The debt position was successfully deleted" (without the quotes of v1)',
            'Check with GET (v1) HTTP 404 for every position',
          ],
        },
        expected: {
          it: 'HTTP 200 "The debt position was successfully deleted"; poi 404',
          en: 'HTTP 200 "The debt position was successfully deleted"; then 404',
        },
      },
      {
        id: 'BLK-04',
        severity: 'critical',
        title: { it: 'Atomicità: una posizione non valida nel lotto', en: 'Atomicity: one invalid position in the batch' },
        preconditions: GPD_NEW,
        steps: {
          it: [
            'Inviare POST /organizations/{ec}/debtpositions?toPublish=true (GPD v2) con 5 posizioni, la terza con un trasferimento di 1 centesimo inferiore all\'importo: verificare HTTP 400 "Amounts congruence error…"',
            'Verificare con GET (v1) che nessuna delle 5 posizioni sia stata creata (HTTP 404)',
            'Creare una posizione; inviare POST (GPD v2) con 5 posizioni, l\'ultima con il suo IUPD: verificare HTTP 409 "The debt position violated constraints of uniqueness" e che le altre 4 non esistano (HTTP 404)',
            'Creare una posizione; inviare PUT (GPD v2) con quella (ente cambiato) e una mai creata: verificare HTTP 404 "Not found the debt position" con lo IUPD mancante e che la prima sia rimasta invariata',
          ],
          en: [
            'Send POST /organizations/{ec}/debtpositions?toPublish=true (GPD v2) with 5 positions, the third with a transfer 1 cent below the amount: check HTTP 400 "Amounts congruence error…"',
            'Check with GET (v1) that none of the 5 positions was created (HTTP 404)',
            'Create a position; send POST (GPD v2) with 5 positions, the last with its IUPD: check HTTP 409 "The debt position violated constraints of uniqueness" and that the other 4 do not exist (HTTP 404)',
            'Create a position; send PUT (GPD v2) with it (company changed) and one never created: check HTTP 404 "Not found the debt position" naming the missing IUPD and that the first is unchanged',
          ],
        },
        expected: {
          it: 'HTTP 400; nessuna delle posizioni valide è stata creata',
          en: 'HTTP 400; none of the valid positions was created',
        },
      },
      {
        id: 'BLK-05',
        title: { it: 'Limiti del lotto (101 posizioni, 21 IUPD)', en: 'Batch limits (101 positions, 21 IUPDs)' },
        preconditions: GPD_NEW,
        steps: {
          it: [
            'Inviare POST /organizations/{ec}/debtpositions (GPD v2) con 101 posizioni: verificare HTTP 400 "BAD REQUEST"',
            'Verificare con GET (v1) che la prima posizione del lotto non esista (HTTP 404)',
            'Inviare DELETE /organizations/{ec}/debtpositions (GPD v2) con 21 IUPD: verificare HTTP 400 "BAD REQUEST"',
          ],
          en: [
            'Send POST /organizations/{ec}/debtpositions (GPD v2) with 101 positions: check HTTP 400 "BAD REQUEST"',
            'Check with GET (v1) that the first position of the batch does not exist (HTTP 404)',
            'Send DELETE /organizations/{ec}/debtpositions (GPD v2) with 21 IUPDs: check HTTP 400 "BAD REQUEST"',
          ],
        },
        expected: { it: 'HTTP 400 in entrambi i casi', en: 'HTTP 400 in both cases' },
      },
      {
        id: 'BLK-06',
        severity: 'critical',
        title: { it: 'Caricamento file: creazione', en: 'File upload: create' },
        preconditions: UPLOAD_NEW,
        steps: {
          it: [
            'Preparare N posizioni e un file ZIP con un solo JSON (paymentPositions), verificato sullo schema del file',
            'Inviare POST /brokers/{broker}/organizations/{ec}/debtpositions/file (caricamento v2, parte multipart "file")',
            'Verificare HTTP 202, Location relativa …/debtpositions/file/{fileId}/status con fileId = {broker}_{ec}_<32 esadecimali>, e Retry-After',
            'Interrogare GET …/file/{fileId}/status ogni Retry-After fino al completamento, poi leggere GET …/file/{fileId}/report',
            'Verificare nel report processedItem = submittedItem = N e, per ogni IUPD, 201 "201 - Debt position CREATED"',
            'Verificare con GET (v1) su un campione di 5 posizioni stato VALID, IUV e importo inviati',
          ],
          en: [
            'Prepare N positions and a ZIP file holding one JSON (paymentPositions), checked against the file schema',
            'Send POST /brokers/{broker}/organizations/{ec}/debtpositions/file (upload v2, multipart part "file")',
            'Check HTTP 202, a relative Location …/debtpositions/file/{fileId}/status with fileId = {broker}_{ec}_<32 hex>, and Retry-After',
            'Poll GET …/file/{fileId}/status every Retry-After until done, then read GET …/file/{fileId}/report',
            'Check in the report processedItem = submittedItem = N and, for every IUPD, 201 "201 - Debt position CREATED"',
            'Check with GET (v1) on a sample of 5 positions status VALID and the IUV and amount sent',
          ],
        },
        expected: {
          it: 'HTTP 202 + Location + Retry-After; report con 201 per ogni posizione; posizioni VALID',
          en: 'HTTP 202 + Location + Retry-After; report with 201 per position; positions VALID',
        },
      },
      {
        id: 'BLK-07',
        title: { it: 'Caricamento file: aggiornamento', en: 'File upload: update' },
        preconditions: UPLOAD_NEW,
        steps: {
          it: [
            'Creare le N posizioni con POST /organizations/{ec}/debtpositions?toPublish=true (GPD v2), a lotti di 100',
            'Preparare il file ZIP con le N posizioni e l\'ente modificato ("… (aggiornato)")',
            'Inviare PUT /brokers/{broker}/organizations/{ec}/debtpositions/file (caricamento v2): HTTP 202 con Location e Retry-After',
            'Interrogare lo stato ogni Retry-After fino al completamento e leggere il report: 200 per ogni IUPD',
            "Verificare con GET (v1) su un campione di 5 posizioni stato VALID e l'ente aggiornato",
          ],
          en: [
            'Create the N positions with POST /organizations/{ec}/debtpositions?toPublish=true (GPD v2), in batches of 100',
            'Prepare the ZIP file with the N positions and the company changed ("… (aggiornato)")',
            'Send PUT /brokers/{broker}/organizations/{ec}/debtpositions/file (upload v2): HTTP 202 with Location and Retry-After',
            'Poll the status every Retry-After until done and read the report: 200 for every IUPD',
            'Check with GET (v1) on a sample of 5 positions status VALID and the updated company',
          ],
        },
        expected: { it: 'Report con 200 per ogni posizione; dati aggiornati', en: 'Report with 200 per position; data updated' },
      },
      {
        id: 'BLK-08',
        title: { it: 'Caricamento file: cancellazione', en: 'File upload: delete' },
        preconditions: UPLOAD_NEW,
        steps: {
          it: [
            'Creare le N posizioni con POST /organizations/{ec}/debtpositions?toPublish=true (GPD v2), a lotti di 100',
            'Preparare il file ZIP con gli N IUPD',
            'Inviare DELETE /brokers/{broker}/organizations/{ec}/debtpositions/file (caricamento v2): HTTP 202 con Location e Retry-After',
            'Interrogare lo stato ogni Retry-After fino al completamento e leggere il report: 200 per ogni IUPD',
            'Verificare con GET (v1) su un campione di 5 posizioni HTTP 404',
          ],
          en: [
            'Create the N positions with POST /organizations/{ec}/debtpositions?toPublish=true (GPD v2), in batches of 100',
            'Prepare the ZIP file with the N IUPDs',
            'Send DELETE /brokers/{broker}/organizations/{ec}/debtpositions/file (upload v2): HTTP 202 with Location and Retry-After',
            'Poll the status every Retry-After until done and read the report: 200 for every IUPD',
            'Check with GET (v1) on a sample of 5 positions HTTP 404',
          ],
        },
        expected: { it: 'Report con 200 per ogni posizione; poi 404', en: 'Report with 200 per position; then 404' },
      },
      {
        id: 'BLK-09',
        title: { it: 'File non validi', en: 'Invalid files' },
        preconditions: {
          it: "Chiave GPD configurata per l'EC; codice dell'intermediario (BROKER_CODE)",
          en: "GPD key configured for the EC; the broker's code (BROKER_CODE)",
        },
        steps: {
          it: [
            'Inviare a POST /brokers/{broker}/organizations/{ec}/debtpositions/file (caricamento v2) un file non .zip: verificare HTTP 400 "NOT A ZIP FILE" "Only ZIP files can be uploaded."',
            'Inviare lo ZIP nella parte multipart "document" invece di "file": verificare HTTP 400 "EMPTY FILE" "The zip file is missing"',
            'Inviare uno ZIP con due voci (una di __MACOSX): verificare HTTP 400 "INVALID FILE" "Too many entries in ZIP file."',
            'Inviare uno ZIP con una voce non .json: verificare HTTP 400 "INVALID FILE" "ZIP contains unsupported file type."',
            'Inviare un archivio corrotto: verificare HTTP 400 "UNZIP ERROR" "Could not unzip file"',
            'Inviare uno ZIP il cui JSON ha un campo sconosciuto: verificare HTTP 400 "INVALID JSON" con dettaglio "Given JSON is invalid for required API payload…"',
          ],
          en: [
            'Send to POST /brokers/{broker}/organizations/{ec}/debtpositions/file (upload v2) a file that is not .zip: check HTTP 400 "NOT A ZIP FILE" "Only ZIP files can be uploaded."',
            'Send the ZIP in multipart part "document" instead of "file": check HTTP 400 "EMPTY FILE" "The zip file is missing"',
            'Send a ZIP with two entries (one of __MACOSX): check HTTP 400 "INVALID FILE" "Too many entries in ZIP file."',
            'Send a ZIP with an entry that is not .json: check HTTP 400 "INVALID FILE" "ZIP contains unsupported file type."',
            'Send a corrupt archive: check HTTP 400 "UNZIP ERROR" "Could not unzip file"',
            'Send a ZIP whose JSON has an unknown field: check HTTP 400 "INVALID JSON" with detail "Given JSON is invalid for required API payload…"',
          ],
        },
        expected: { it: 'HTTP 400 con i titoli della piattaforma', en: "HTTP 400 with the platform's titles" },
      },
      {
        id: 'BLK-10',
        title: { it: 'Report v2 prima del completamento', en: 'v2 report before completion' },
        preconditions: {
          it: 'Come BLK-06, con almeno 200 posizioni nel file (il massimo tra UPLOAD_POSITIONS e 200)',
          en: 'As BLK-06, with at least 200 positions in the file (the larger of UPLOAD_POSITIONS and 200)',
        },
        steps: {
          it: [
            'Inviare POST /brokers/{broker}/organizations/{ec}/debtpositions/file (caricamento v2) con il file: HTTP 202',
            'Subito dopo, inviare GET …/file/{fileId}/report',
            'Verificare HTTP 425 "Too Early" "The report has not been generated yet, wait for the operations to complete."',
            'Attendere il completamento (stato ogni Retry-After) e leggere il report',
          ],
          en: [
            'Send POST /brokers/{broker}/organizations/{ec}/debtpositions/file (upload v2) with the file: HTTP 202',
            'Right after, send GET …/file/{fileId}/report',
            'Check HTTP 425 "Too Early" "The report has not been generated yet, wait for the operations to complete."',
            'Wait for completion (status every Retry-After) and read the report',
          ],
        },
        expected: { it: 'HTTP 425 "Too Early"', en: 'HTTP 425 "Too Early"' },
      },
      {
        id: 'BLK-11',
        title: { it: 'Identificativo file sconosciuto', en: 'Unknown file id' },
        preconditions: {
          it: "Chiave GPD configurata per l'EC; codice dell'intermediario; nessun caricamento con fileId {broker}_{ec}_<32 zeri>",
          en: "GPD key configured for the EC; the broker's code; no upload with fileId {broker}_{ec}_<32 zeros>",
        },
        steps: {
          it: [
            'Inviare GET /brokers/{broker}/organizations/{ec}/debtpositions/file/{fileId}/status (caricamento v2): verificare HTTP 404 "STATUS NOT FOUND"',
            'Inviare GET …/file/{fileId}/report: verificare HTTP 404',
          ],
          en: [
            'Send GET /brokers/{broker}/organizations/{ec}/debtpositions/file/{fileId}/status (upload v2): check HTTP 404 "STATUS NOT FOUND"',
            'Send GET …/file/{fileId}/report: check HTTP 404',
          ],
        },
        expected: { it: 'HTTP 404', en: 'HTTP 404' },
      },
      {
        id: 'BLK-12',
        title: { it: 'Caricamento file con le API v1 (uploadID)', en: 'File upload through the v1 API (uploadID)' },
        preconditions: {
          it: "Chiave GPD configurata per l'EC; codice dell'intermediario; 30 posizioni nuove",
          en: "GPD key configured for the EC; the broker's code; 30 new positions",
        },
        steps: {
          it: [
            'Preparare il file ZIP con 30 posizioni',
            'Inviare POST /brokers/{broker}/organizations/{ec}/debtpositions/file (caricamento v1): HTTP 202 con Location e Retry-After',
            'Interrogare GET …/file/{fileId}/status (v1) ogni Retry-After finché processedItem = submittedItem, poi leggere il report',
            'Verificare nel report e nello stato uploadID = fileId, processedItem = submittedItem = 30',
            'Verificare nel report 201 per ogni IUPD',
          ],
          en: [
            'Prepare the ZIP file with 30 positions',
            'Send POST /brokers/{broker}/organizations/{ec}/debtpositions/file (upload v1): HTTP 202 with Location and Retry-After',
            'Poll GET …/file/{fileId}/status (v1) every Retry-After until processedItem = submittedItem, then read the report',
            'Check in the report and in the status uploadID = fileId, processedItem = submittedItem = 30',
            'Check in the report 201 for every IUPD',
          ],
        },
        expected: { it: 'Stato e report v1 coerenti', en: 'Consistent v1 status and report' },
      },
      {
        id: 'BLK-13',
        title: {
          it: 'Caricamento file con posizioni rifiutate: il report le riporta tutte',
          en: 'File upload with refused positions: the report accounts for all of them',
        },
        preconditions: {
          it: "Chiave GPD configurata per l'EC; codice dell'intermediario; una posizione VALID dell'EC creata prima (il suo IUV è già in uso)",
          en: "GPD key configured for the EC; the broker's code; a VALID position of the EC created first (its IUV is in use)",
        },
        steps: {
          it: [
            'Preparare il file ZIP con 26 posizioni valide per lo schema: 24 nuove, una con lo IUV della posizione esistente e una con scadenza nel passato (in mezzo al file)',
            'Inviare POST /brokers/{broker}/organizations/{ec}/debtpositions/file (caricamento v2): HTTP 202 con Location e Retry-After',
            'Interrogare lo stato ogni Retry-After fino al completamento e leggere il report',
            'Verificare processedItem = submittedItem = 26 e, per ogni IUPD, lo stato e il messaggio: 201 "201 - Debt position CREATED", 409 "409 - Already exists a debt position …" per lo IUV duplicato, 400 "400 - Dates congruence error: due_date …" per la scadenza passata',
            'Verificare lo stato COMPLETED_WITH_WARNINGS e con GET (v1) che le due posizioni rifiutate non esistano (404) e una valida sia VALID',
          ],
          en: [
            'Prepare the ZIP file with 26 schema-valid positions: 24 new ones, one with the IUV of the existing position and one due in the past (inside the file)',
            'Send POST /brokers/{broker}/organizations/{ec}/debtpositions/file (upload v2): HTTP 202 with Location and Retry-After',
            'Poll the status every Retry-After until completion and read the report',
            'Check processedItem = submittedItem = 26 and, for every IUPD, its status and message: 201 "201 - Debt position CREATED", 409 "409 - Already exists a debt position …" for the duplicate IUV, 400 "400 - Dates congruence error: due_date …" for the past due date',
            'Check the status COMPLETED_WITH_WARNINGS and with GET (v1) that the two refused positions do not exist (404) and a valid one is VALID',
          ],
        },
        expected: {
          it: 'Il report riporta ogni posizione del file, anche quelle rifiutate, con stato e messaggio',
          en: 'The report accounts for every position of the file, the refused ones included, with status and message',
        },
      },
    ],
    false,
  ),
  // Payment of a published position on Checkout (onboarding step 8), in the browser.
  ...cases('PAY', 8, [
    {
      id: 'PAY-01',
      severity: 'blocker',
      title: { it: 'Pagamento con carta di un avviso VALID', en: 'Card payment of a VALID notice' },
      preconditions: CHECKOUT_PAYMENT,
      steps: {
        it: [
          'Creare e pubblicare una posizione senza data di validità (POST /organizations/{ec}/debtpositions?toPublish=true) e verificare lo stato VALID',
          'Su Checkout scegliere "Inserisci tu i dati", inserire codice avviso e codice fiscale dell\'EC e verificare i dati del pagamento (ente, importo, codice avviso)',
          'Inserire e-mail e carta di test, scegliere il PSP, pagare e verificare la pagina di esito "Hai pagato <totale>" (totale ≥ importo)',
          'Verificare che Checkout abbia chiamato il proprio backend nella sequenza documentata (payment-requests, payment-methods, sessions, transactions, sessions/{id}, fees, auth-requests, outcomes), ogni chiamata con HTTP 200',
          'Attendere con GET /organizations/{ec}/debtpositions/{iupd} lo stato PAID (al più 120 s) e verificare opzione PO_PAID, data di pagamento, PSP, identificativo ricevuta e commissione = totale − importo',
        ],
        en: [
          'Create and publish a position without validity date (POST /organizations/{ec}/debtpositions?toPublish=true) and check the status VALID',
          'On Checkout choose manual entry ("Inserisci tu i dati"), enter the notice number and the EC fiscal code and check the payment data (payee, amount, notice number)',
          'Enter the e-mail and the test card, choose the PSP, pay and check the outcome page "You have paid <total>" (total ≥ amount)',
          'Check that Checkout called its backend in the documented order (payment-requests, payment-methods, sessions, transactions, sessions/{id}, fees, auth-requests, outcomes), each call answered HTTP 200',
          'Wait with GET /organizations/{ec}/debtpositions/{iupd} for the status PAID (at most 120 s) and check option PO_PAID, payment date, PSP, receipt id and fee = total − amount',
        ],
      },
      expected: {
        it: 'Pagina di esito "Hai pagato <importo + commissione>"; su GPD la posizione diventa PAID con data, PSP e ricevuta del pagamento',
        en: 'Outcome page "You have paid <amount + fee>"; on GPD the position becomes PAID with the payment date, PSP and receipt',
      },
    },
    {
      id: 'PAY-02',
      title: { it: 'Avviso sconosciuto', en: 'Unknown notice' },
      preconditions: {
        it: "Checkout raggiungibile; codice avviso 3 + IUV nuovo, a cui non corrisponde alcuna posizione dell'EC",
        en: 'Checkout reachable; a notice number 3 + a new IUV, matching no position of the EC',
      },
      steps: {
        it: [
          'Generare un codice avviso 3 + IUV mai usato',
          'Su Checkout scegliere "Inserisci tu i dati" e inserire codice avviso e codice fiscale dell\'EC',
          'Verificare il messaggio "Non riusciamo a trovare l’avviso" (nella lingua configurata)',
        ],
        en: [
          'Generate a notice number 3 + an IUV never used',
          'On Checkout choose manual entry ("Inserisci tu i dati") and enter the notice number and the EC fiscal code',
          'Check the message "We can’t find the notice" (in the configured language)',
        ],
      },
      expected: { it: 'Checkout mostra "Non riusciamo a trovare l’avviso"', en: 'Checkout shows "We can’t find the notice"' },
    },
    {
      id: 'PAY-03',
      title: { it: 'Avviso di una posizione in bozza (DRAFT)', en: 'Notice of a draft (DRAFT) position' },
      preconditions: CHECKOUT,
      steps: {
        it: [
          'Creare in bozza una posizione (POST /organizations/{ec}/debtpositions) e verificare lo stato DRAFT',
          "Su Checkout inserire il codice avviso e il codice fiscale dell'EC",
          'Verificare il messaggio "Non riusciamo a trovare l’avviso"',
        ],
        en: [
          'Create a draft position (POST /organizations/{ec}/debtpositions) and check the status DRAFT',
          'On Checkout enter its notice number and the EC fiscal code',
          'Check the message "We can’t find the notice"',
        ],
      },
      expected: {
        it: 'Checkout mostra "Non riusciamo a trovare l’avviso": una bozza non è pagabile',
        en: 'Checkout shows "We can’t find the notice": a draft is not payable',
      },
    },
    {
      id: 'PAY-04',
      title: { it: 'Avviso di una posizione invalidata (INVALID)', en: 'Notice of an invalidated (INVALID) position' },
      preconditions: CHECKOUT,
      steps: {
        it: [
          'Creare e pubblicare una posizione (POST /organizations/{ec}/debtpositions?toPublish=true)',
          'Invalidarla con POST /organizations/{ec}/debtpositions/{iupd}/invalidate (HTTP 200)',
          "Su Checkout inserire il codice avviso e il codice fiscale dell'EC",
          'Verificare il messaggio "L’Ente Creditore ha revocato questo avviso"',
        ],
        en: [
          'Create and publish a position (POST /organizations/{ec}/debtpositions?toPublish=true)',
          'Invalidate it with POST /organizations/{ec}/debtpositions/{iupd}/invalidate (HTTP 200)',
          'On Checkout enter its notice number and the EC fiscal code',
          'Check the message "The payee revoked this notice"',
        ],
      },
      expected: { it: 'Checkout mostra "L’Ente Creditore ha revocato questo avviso"', en: 'Checkout shows "The payee revoked this notice"' },
    },
    {
      id: 'PAY-05',
      title: { it: 'Avviso scaduto (EXPIRED)', en: 'Expired (EXPIRED) notice' },
      preconditions: CHECKOUT,
      steps: {
        it: [
          'Creare e pubblicare una posizione con switchToExpired=true e scadenza tra 8 secondi (POST /organizations/{ec}/debtpositions?toPublish=true)',
          'Aprire su Checkout il link diretto /<codice fiscale EC><codice avviso>, ripetendo per al più 120 s finché la scadenza è passata',
          'Verificare il messaggio "L’avviso è scaduto e non è più possibile pagarlo"',
        ],
        en: [
          'Create and publish a position with switchToExpired=true due in 8 seconds (POST /organizations/{ec}/debtpositions?toPublish=true)',
          'Open on Checkout the direct link /<EC fiscal code><notice number>, retrying for at most 120 s until the due date has passed',
          'Check the message "The notice has expired and it can no longer be paid"',
        ],
      },
      expected: {
        it: 'Passata la scadenza di un avviso con switchToExpired, Checkout mostra "L’avviso è scaduto e non è più possibile pagarlo"',
        en: 'Past the due date of a notice with switchToExpired, Checkout shows "The notice has expired and it can no longer be paid"',
      },
    },
    {
      id: 'PAY-06',
      title: { it: 'Avviso già pagato', en: 'Notice already paid' },
      preconditions: CHECKOUT,
      steps: {
        it: [
          'Creare e pubblicare una posizione (POST /organizations/{ec}/debtpositions?toPublish=true)',
          'Registrare il pagamento avvenuto fuori da pagoPA con POST /organizations/{ec}/paymentoptions/paids/{nav} (HTTP 200)',
          "Su Checkout inserire il codice avviso e il codice fiscale dell'EC",
          'Verificare il messaggio "Questo avviso è stato già pagato!"',
        ],
        en: [
          'Create and publish a position (POST /organizations/{ec}/debtpositions?toPublish=true)',
          'Record the payment made outside pagoPA with POST /organizations/{ec}/paymentoptions/paids/{nav} (HTTP 200)',
          'On Checkout enter its notice number and the EC fiscal code',
          'Check the message "This notice was already paid!"',
        ],
      },
      expected: { it: 'Checkout mostra "Questo avviso è stato già pagato!"', en: 'Checkout shows "This notice was already paid!"' },
    },
    {
      id: 'PAY-07',
      title: {
        it: 'Accesso diretto da link o QR code (/<codice fiscale><codice avviso>)',
        en: 'Direct entry from a link or QR code (/<fiscal code><notice code>)',
      },
      preconditions: CHECKOUT,
      steps: {
        it: [
          'Creare e pubblicare una posizione (POST /organizations/{ec}/debtpositions?toPublish=true)',
          "Aprire su Checkout l'indirizzo /<codice fiscale EC><codice avviso>",
          "Verificare i dati del pagamento: codice fiscale dell'EC, codice avviso, importo ed ente",
        ],
        en: [
          'Create and publish a position (POST /organizations/{ec}/debtpositions?toPublish=true)',
          'Open on Checkout the address /<EC fiscal code><notice number>',
          'Check the payment data: EC fiscal code, notice number, amount and payee',
        ],
      },
      expected: {
        it: 'Checkout verifica subito l’avviso e mostra i dati del pagamento (ente, importo, codice avviso)',
        en: 'Checkout verifies the notice at once and shows the payment data (payee, amount, notice code)',
      },
    },
    {
      id: 'PAY-08',
      severity: 'minor',
      title: { it: 'Checkout in inglese', en: 'Checkout in English' },
      preconditions: CHECKOUT,
      steps: {
        it: [
          'Creare e pubblicare una posizione (POST /organizations/{ec}/debtpositions?toPublish=true)',
          "Scegliere l'inglese nella home di Checkout e aprire il link diretto dell'avviso",
          "Verificare in inglese i dati del pagamento (codice fiscale dell'EC, codice avviso, importo, ente)",
          'Inserire a mano, in inglese, un codice avviso sconosciuto e verificare il messaggio "We can’t find the notice"',
        ],
        en: [
          'Create and publish a position (POST /organizations/{ec}/debtpositions?toPublish=true)',
          "Choose English on Checkout's home page and open the notice's direct link",
          'Check in English the payment data (EC fiscal code, notice number, amount, payee)',
          'Enter by hand, in English, an unknown notice number and check the message "We can’t find the notice"',
        ],
      },
      expected: {
        it: 'Con la lingua inglese dati del pagamento ed errori sono in inglese; importi in formato italiano',
        en: 'With English selected, payment data and errors are in English; amounts in Italian format',
      },
    },
    {
      id: 'PAY-09',
      severity: 'minor',
      title: { it: 'Controlli sui dati inseriti', en: 'Checks on the data entered' },
      preconditions: CHECKOUT_PAYMENT,
      steps: {
        it: [
          'Aprire la home di Checkout, scegliere "Inserisci tu i dati" e premere "Continua" con i campi vuoti: verificare "Campo obbligatorio" su entrambi i campi',
          'Inserire un codice fiscale di 10 cifre e un codice avviso di 17: verificare "Inserisci 18 cifre" e "Inserisci 11 cifre"',
          "Creare e pubblicare una posizione, inserirne i dati, proseguire al pagamento, inserire l'e-mail e scegliere la carta",
          'Inserire la carta di test con l\'ultima cifra alterata: verificare il pulsante "Continua" disabilitato',
          'Inserire la carta di test corretta: verificare il pulsante "Continua" abilitato',
        ],
        en: [
          'Open Checkout\'s home page, choose manual entry and press "Continue" with empty fields: check "Required field" on both fields',
          'Enter a fiscal code of 10 digits and a notice number of 17: check "Enter 18 numbers" and "Enter 11 numbers"',
          'Create and publish a position, enter its data, go on to the payment, enter the e-mail and choose the card',
          'Enter the test card with its last digit altered: check the "Continue" button disabled',
          'Enter the correct test card: check the "Continue" button enabled',
        ],
      },
      expected: {
        it: 'Messaggi "Campo obbligatorio", "Inserisci 18 cifre", "Inserisci 11 cifre"; "Continua" della carta disabilitato finché un campo non è valido',
        en: '"Required field", "Enter 18 numbers", "Enter 11 numbers" messages; the card "Continue" disabled while a field is not valid',
      },
    },
  ]),
  // Receipt acquisition (onboarding step 9). RIC-01..03 read the receipt of a notice paid on Checkout.
  ...cases('RIC', 9, [
    {
      id: 'RIC-01',
      severity: 'critical',
      title: { it: 'Ricevuta per IUV di un avviso pagato su Checkout', en: 'Receipt by IUV of a notice paid on Checkout' },
      preconditions: {
        it: 'Come PAY-01; chiave GPD_RECEIPTS_SUBSCRIPTION_KEY (prodotto "GPD - Recupero ricevute") configurata, altrimenti il caso è saltato; codici di intermediario e stazione (BROKER_CODE, STATION_ID)',
        en: 'As PAY-01; GPD_RECEIPTS_SUBSCRIPTION_KEY (product "GPD - Recupero ricevute") configured, otherwise the case is skipped; broker and station codes (BROKER_CODE, STATION_ID)',
      },
      steps: {
        it: [
          'Creare e pubblicare una posizione e pagarla con carta su Checkout fino allo stato PAID su GPD (come PAY-01)',
          'Interrogare GET /payments/{ec}/receipts/{iuv} fino a HTTP 200 (al più 120 s) e leggere il documento XML paSendRTReq (PaSendRTV2Request da una stazione V2)',
          'Verificare EC, intermediario e stazione (idPA, idBrokerPA, idStation)',
          'Verificare receiptId = identificativo ricevuta su GPD, codice avviso, IUV (creditorReferenceId), EC, esito OK, importo in euro con due decimali, ente e data di pagamento',
          'Verificare il debitore (tipo, codice fiscale, nome) e ogni trasferimento (importo in euro, EC, IBAN, causale)',
          'Verificare il PSP (ragione sociale, idPSP se configurato) e la commissione in euro',
        ],
        en: [
          'Create and publish a position and pay it by card on Checkout until it is PAID on GPD (as PAY-01)',
          'Poll GET /payments/{ec}/receipts/{iuv} until HTTP 200 (at most 120 s) and read the paSendRTReq XML document (PaSendRTV2Request from a V2 station)',
          'Check EC, broker and station (idPA, idBrokerPA, idStation)',
          'Check receiptId = the receipt id on GPD, notice number, IUV (creditorReferenceId), EC, outcome OK, amount in euros with two decimals, payee and payment date',
          'Check the debtor (type, fiscal code, name) and every transfer (amount in euros, EC, IBAN, remittance information)',
          'Check the PSP (company name, idPSP when configured) and the fee in euros',
        ],
      },
      expected: {
        it: 'Documento XML paSendRTReq o PaSendRTV2Request coerente con la posizione: codice avviso, IUV, ente, importo in euro, debitore, trasferimenti, PSP, identificativo ricevuta',
        en: 'XML paSendRTReq or PaSendRTV2Request document consistent with the position: notice number, IUV, EC, amount in euros, debtor, transfers, PSP, receipt id',
      },
    },
    {
      id: 'RIC-02',
      title: { it: 'Elenco ricevute: trova il pagamento', en: 'Receipts list: finds the payment' },
      preconditions: {
        it: 'Come PAY-01; chiave GPD_RECEIPTS_SUBSCRIPTION_KEY (prodotto "GPD - Recupero ricevute") configurata, altrimenti il caso è saltato',
        en: 'As PAY-01; GPD_RECEIPTS_SUBSCRIPTION_KEY (product "GPD - Recupero ricevute") configured, otherwise the case is skipped',
      },
      steps: {
        it: [
          'Creare e pubblicare una posizione, pagarla su Checkout e attendere la sua ricevuta con GET /payments/{ec}/receipts/{iuv}',
          'Inviare GET /payments/{ec}/receipts?debtorOrIuv=<IUV>: verificare HTTP 200 e una sola ricevuta per lo IUV, con EC, debitore, stato PAID e data di pagamento come su GPD',
          'Inviare GET /payments/{ec}/receipts?debtor=<codice fiscale del debitore>&pageSize=100: verificare HTTP 200, che contenga lo IUV e solo ricevute di quel debitore',
        ],
        en: [
          'Create and publish a position, pay it on Checkout and wait for its receipt with GET /payments/{ec}/receipts/{iuv}',
          'Send GET /payments/{ec}/receipts?debtorOrIuv=<IUV>: check HTTP 200 and a single receipt for the IUV, with EC, debtor, status PAID and the payment date as on GPD',
          "Send GET /payments/{ec}/receipts?debtor=<debtor's fiscal code>&pageSize=100: check HTTP 200, that it holds the IUV and only that debtor's receipts",
        ],
      },
      expected: {
        it: 'La ricevuta è nell’elenco filtrato per IUV e per debitore, con stato PAID e data del pagamento',
        en: 'The receipt is in the list filtered by IUV and by debtor, with status PAID and the payment date',
      },
    },
    {
      id: 'RIC-03',
      title: { it: 'Ricevuta dai biz-events (JSON)', en: 'Receipt from biz-events (JSON)' },
      preconditions: {
        it: 'Come PAY-01; chiave BIZ_SUBSCRIPTION_KEY (prodotto "BIZ - Recupero ricevute Ente Creditore") configurata, altrimenti il caso è saltato',
        en: 'As PAY-01; BIZ_SUBSCRIPTION_KEY (product "BIZ - Recupero ricevute Ente Creditore") configured, otherwise the case is skipped',
      },
      steps: {
        it: [
          'Creare e pubblicare una posizione e pagarla con carta su Checkout fino allo stato PAID su GPD (come PAY-01)',
          'Interrogare GET /organizations/{ec}/receipts/{iur}/paymentoptions/{iuv} (biz-events) fino a HTTP 200 (al più 120 s)',
          'Verificare receiptId, codice avviso, EC, IUV, esito OK, ente, PSP, importo in euro, debitore e ogni trasferimento (importo, EC)',
          'Inviare GET /organizations/{ec}/receipts/{iur}: verificare HTTP 200 e la stessa ricevuta (receiptId, IUV)',
        ],
        en: [
          'Create and publish a position and pay it by card on Checkout until it is PAID on GPD (as PAY-01)',
          'Poll GET /organizations/{ec}/receipts/{iur}/paymentoptions/{iuv} (biz-events) until HTTP 200 (at most 120 s)',
          'Check receiptId, notice number, EC, IUV, outcome OK, payee, PSP, amount in euros, debtor and every transfer (amount, EC)',
          'Send GET /organizations/{ec}/receipts/{iur}: check HTTP 200 and the same receipt (receiptId, IUV)',
        ],
      },
      expected: {
        it: 'HTTP 200 con la ricevuta JSON coerente con la posizione e con la ricevuta XML (se la chiave BIZ è configurata)',
        en: 'HTTP 200 with the JSON receipt consistent with the position and with the XML receipt (when the BIZ key is configured)',
      },
    },
    {
      id: 'RIC-04',
      title: { it: 'Ricevuta di un avviso non pagato', en: 'Receipt of an unpaid notice' },
      preconditions: {
        it: "Chiave GPD e chiave GPD_RECEIPTS_SUBSCRIPTION_KEY configurate per l'EC (senza la seconda il caso è saltato)",
        en: 'GPD key and GPD_RECEIPTS_SUBSCRIPTION_KEY configured for the EC (without the latter the case is skipped)',
      },
      steps: {
        it: [
          'Creare e pubblicare una posizione senza pagarla (POST /organizations/{ec}/debtpositions?toPublish=true)',
          'Inviare GET /payments/{ec}/receipts/{iuv}',
          'Verificare HTTP 404 "Not found the receipt" con il dettaglio che nomina EC e IUV, oppure HTTP 422 "The receipts recovery is failed"',
        ],
        en: [
          'Create and publish a position without paying it (POST /organizations/{ec}/debtpositions?toPublish=true)',
          'Send GET /payments/{ec}/receipts/{iuv}',
          'Check HTTP 404 "Not found the receipt" with the detail naming EC and IUV, or HTTP 422 "The receipts recovery is failed"',
        ],
      },
      expected: {
        it: 'Errore documentato: 404 "Not found the receipt" o 422 "The receipts recovery is failed"',
        en: 'Documented error: 404 "Not found the receipt" or 422 "The receipts recovery is failed"',
      },
    },
    {
      id: 'RIC-05',
      title: { it: 'Elenco ricevute: paginazione e regole dei filtri', en: 'Receipts list: paging and filter rules' },
      preconditions: {
        it: "Chiave GPD_RECEIPTS_SUBSCRIPTION_KEY configurata per l'EC, altrimenti il caso è saltato; nessun dato richiesto",
        en: 'GPD_RECEIPTS_SUBSCRIPTION_KEY configured for the EC, otherwise the case is skipped; no data needed',
      },
      steps: {
        it: [
          'Inviare GET /payments/{ec}/receipts?pageSize=100: verificare HTTP 200, pagina 0, length pari agli elementi della pagina e non oltre 100',
          'Inviare GET …/receipts?pageNum=<totalPages + 1>: verificare HTTP 400 "Not enough elements" "The page number is too big for the filtered elements"',
          'Inviare GET …/receipts?pageSize=101: verificare HTTP 400',
          'Inviare GET …/receipts?from=2026-01-02&to=2026-01-01: verificare HTTP 400 "Invalid date range"',
        ],
        en: [
          'Send GET /payments/{ec}/receipts?pageSize=100: check HTTP 200, page 0, length equal to the items of the page and at most 100',
          'Send GET …/receipts?pageNum=<totalPages + 1>: check HTTP 400 "Not enough elements" "The page number is too big for the filtered elements"',
          'Send GET …/receipts?pageSize=101: check HTTP 400',
          'Send GET …/receipts?from=2026-01-02&to=2026-01-01: check HTTP 400 "Invalid date range"',
        ],
      },
      expected: {
        it: "HTTP 200 con la pagina richiesta; 400 per pagina oltre l'ultima, pageSize > 100, intervallo di date invertito",
        en: 'HTTP 200 with the requested page; 400 for a page past the last, pageSize > 100, an inverted date range',
      },
    },
  ]),
  // Reporting flows (onboarding step 5: the EC receives the PSPs' reporting flows through the FdR API).
  ...cases('FDR', 5, [
    {
      id: 'FDR-01',
      title: { it: 'Elenco dei flussi pubblicati: filtri, paginazione e limiti', en: 'Published flows list: filters, paging and limits' },
      preconditions: {
        it: 'Chiave FDR_SUBSCRIPTION_KEY (prodotto "FdR - Flussi di Rendicontazione (EC)") configurata per l\'EC, altrimenti il caso è saltato; nessun flusso richiesto',
        en: 'FDR_SUBSCRIPTION_KEY (product "FdR - Flussi di Rendicontazione (EC)") configured for the EC, otherwise the case is skipped; no flow needed',
      },
      steps: {
        it: [
          "Inviare GET /organizations/{ec}/fdrs: verificare HTTP 200 (anche senza flussi, count 0), pageSize 1000, pagina 1, count non inferiore agli elementi, flussi ordinati per data del flusso e nome, pubblicati nell'ultimo mese",
          'Inviare GET …/fdrs?size=1: verificare pageSize 1, al più un flusso, totPage pari a count',
          'Inviare GET …/fdrs?size=1&page=<totPage + 1>: verificare HTTP 200 con data vuoto e lo stesso count',
          'Inviare GET …/fdrs?pspId=<PSP di un flusso> (se ce ne sono): verificare solo flussi di quel PSP',
          'Inviare size=0, size=1001 e page=0: verificare per ciascuno HTTP 400 FDR-1000 con una violazione che nomina il parametro',
          'Inviare publishedGt e flowDate più vecchi di un mese: verificare HTTP 400 FDR-1000 "The date cannot be older than 1 months."',
          'Inviare pspId di un PSP sconosciuto: verificare HTTP 400 FDR-2000',
        ],
        en: [
          'Send GET /organizations/{ec}/fdrs: check HTTP 200 (also without flows, count 0), pageSize 1000, page 1, count not below the items, flows ordered by flow date and name, published within the last month',
          'Send GET …/fdrs?size=1: check pageSize 1, at most one flow, totPage equal to count',
          'Send GET …/fdrs?size=1&page=<totPage + 1>: check HTTP 200 with empty data and the same count',
          "Send GET …/fdrs?pspId=<a flow's PSP> (when there are flows): check only that PSP's flows",
          'Send size=0, size=1001 and page=0: check for each HTTP 400 FDR-1000 with one violation naming the parameter',
          'Send publishedGt and flowDate older than one month: check HTTP 400 FDR-1000 "The date cannot be older than 1 months."',
          'Send the pspId of an unknown PSP: check HTTP 400 FDR-2000',
        ],
      },
      expected: {
        it: 'HTTP 200 con le pagine richieste e count totale; 400 FDR-1000 per size fuori 1..1000, page < 1 e date più vecchie di un mese; 400 FDR-2000 per un PSP sconosciuto',
        en: 'HTTP 200 with the requested pages and the total count; 400 FDR-1000 for size outside 1..1000, page < 1 and dates older than one month; 400 FDR-2000 for an unknown PSP',
      },
    },
    {
      id: 'FDR-02',
      title: { it: 'Flusso inesistente o con nome malformato', en: 'Unknown flow or malformed flow name' },
      preconditions: {
        it: "Chiave FDR_SUBSCRIPTION_KEY configurata per l'EC, altrimenti il caso è saltato; un PSP noto alla piattaforma (FDR_PSP_ID, CHECKOUT_PSP_ID o il PSP di un flusso pubblicato)",
        en: 'FDR_SUBSCRIPTION_KEY configured for the EC, otherwise the case is skipped; a PSP the platform knows (FDR_PSP_ID, CHECKOUT_PSP_ID or the PSP of a published flow)',
      },
      steps: {
        it: [
          'Inviare GET /organizations/{ec}/fdrs/<oggi><psp>-<suffisso mai usato>/revisions/1/psps/<psp>: verificare HTTP 404 FDR-3001 "Flow with ID [<nome>] not found."',
          'Inviare lo stesso percorso con un nome i cui primi 10 caratteri non sono una data yyyy-MM-dd: verificare HTTP 400 FDR-3008',
          'Inviare un nome con la data seguita da un altro PSP: verificare HTTP 400 FDR-3009',
          'Inviare lo stesso percorso per i pagamenti (…/payments): verificare HTTP 404 FDR-3001',
        ],
        en: [
          'Send GET /organizations/{ec}/fdrs/<today><psp>-<never used suffix>/revisions/1/psps/<psp>: check HTTP 404 FDR-3001 "Flow with ID [<name>] not found."',
          'Send the same path with a name whose first 10 characters are not a yyyy-MM-dd date: check HTTP 400 FDR-3008',
          'Send a name whose date is followed by another PSP: check HTTP 400 FDR-3009',
          'Send the same path for the payments (…/payments): check HTTP 404 FDR-3001',
        ],
      },
      expected: {
        it: 'HTTP 404 FDR-3001 per un flusso inesistente; HTTP 400 FDR-3008 / FDR-3009 per un nome malformato',
        en: 'HTTP 404 FDR-3001 for an unknown flow; HTTP 400 FDR-3008 / FDR-3009 for a malformed name',
      },
    },
    {
      id: 'FDR-03',
      severity: 'critical',
      title: {
        it: 'Avviso pagato su Checkout rendicontato in un flusso (D+2) e posizione REPORTED',
        en: 'Notice paid on Checkout reported in a flow (D+2) and the position REPORTED',
      },
      preconditions: {
        it: "Come PAY-01; chiave FDR_SUBSCRIPTION_KEY configurata; un ambiente i cui PSP pubblicano a richiesta (la sandbox). In UAT i flussi arrivano quando un PSP di test li pubblica: il caso è saltato e l'avviso è verificato da FDR-04 nelle esecuzioni successive",
        en: 'As PAY-01; FDR_SUBSCRIPTION_KEY configured; an environment whose PSPs publish on request (the sandbox). On UAT flows arrive when a test PSP publishes them: the case is skipped and the notice is checked by FDR-04 in later runs',
      },
      steps: {
        it: [
          'Creare e pubblicare una posizione e pagarla con carta su Checkout fino allo stato PAID su GPD (come PAY-01); il pagamento è registrato nel registro di riconciliazione',
          'Chiedere ai PSP di pubblicare ora il flusso del pagamento (ciò che fanno il giorno D+2)',
          'Interrogare GET /organizations/{ec}/fdrs e i pagamenti di ciascun flusso fino a trovare lo IUV (al più 60 s)',
          'Verificare il flusso: stato PUBLISHED, EC destinatario, PSP mittente, totPayments e sumPayments (euro) pari ai pagamenti',
          "Verificare i pagamenti dello IUV: uno per trasferimento dell'EC, con idTransfer e importo in euro del trasferimento, esito EXECUTED, data del pagamento",
          'Verificare su GPD la posizione in stato REPORTED',
        ],
        en: [
          'Create and publish a position and pay it by card on Checkout until it is PAID on GPD (as PAY-01); the payment is recorded in the reconciliation ledger',
          "Ask the PSPs to publish the payment's flow now (what they do on D+2)",
          "Poll GET /organizations/{ec}/fdrs and each flow's payments until the IUV is found (at most 60 s)",
          'Check the flow: status PUBLISHED, the receiving EC, the sending PSP, totPayments and sumPayments (euros) equal to its payments',
          "Check the IUV's payments: one per transfer of the EC, with the transfer's idTransfer and amount in euros, outcome EXECUTED, the payment date",
          'Check on GPD that the position is REPORTED',
        ],
      },
      expected: {
        it: 'Il pagamento è in un flusso pubblicato con importi in euro coerenti con la posizione; la posizione è REPORTED su GPD',
        en: 'The payment is in a published flow with amounts in euros consistent with the position; the position is REPORTED on GPD',
      },
    },
    {
      id: 'FDR-04',
      severity: 'critical',
      title: { it: 'Riconciliazione degli avvisi pagati nelle esecuzioni precedenti', en: 'Reconciliation of the notices paid in earlier runs' },
      preconditions: {
        it: "Chiave FDR_SUBSCRIPTION_KEY configurata per l'EC, altrimenti il caso è saltato; il registro degli avvisi pagati (FDR_LEDGER, conservato tra le esecuzioni notturne dalla CI); attesa massima FDR_PENDING_WORKING_DAYS giorni lavorativi (predefinito 3)",
        en: 'FDR_SUBSCRIPTION_KEY configured for the EC, otherwise the case is skipped; the ledger of paid notices (FDR_LEDGER, kept between nightly runs by CI); maximum wait FDR_PENDING_WORKING_DAYS working days (default 3)',
      },
      steps: {
        it: [
          'Leggere il registro: un registro corrotto è un errore che nomina file e riga (il registro non è modificato)',
          "Considerare gli avvisi dell'EC pagati nell'ultimo mese (la finestra dell'API FdR)",
          'Leggere tutti i flussi pubblicati (GET /organizations/{ec}/fdrs) e i loro pagamenti',
          'Per ogni avviso: riconciliato (nel flusso con lo stesso importo), in attesa (non ancora in un flusso ed entro i giorni lavorativi ammessi) o mancante (oltre il termine e in nessun flusso)',
          "Verificare che nessun avviso sia mancante o con importo diverso; allegare l'esito per IUV",
        ],
        en: [
          'Read the ledger: a corrupt ledger is an error naming file and line (the ledger is left unchanged)',
          "Take the EC's notices paid within the last month (the FdR API's window)",
          'Read every published flow (GET /organizations/{ec}/fdrs) and its payments',
          'For each notice: reconciled (in a flow with the same amount), pending (not in a flow yet and within the allowed working days) or missing (past the limit and in no flow)',
          'Check that no notice is missing or has another amount; attach the outcome per IUV',
        ],
      },
      expected: {
        it: 'Ogni avviso pagato è riconciliato o ancora in attesa; nessuno mancante né con importo diverso ("nessun flusso ancora" non è un errore)',
        en: 'Every paid notice is reconciled or still pending; none missing nor with another amount ("no flow yet" is not a failure)',
      },
    },
  ]),
  // Checkout carts (issue 13): the EC's portal sends the citizen to pay 1..5 notices (POST /checkout/ec/v1/carts).
  ...cases('PAY', 8, [
    {
      id: 'PAY-10',
      severity: 'critical',
      title: { it: "Carrello di un avviso inviato dal portale dell'EC e pagato", en: "Cart of one notice sent by the EC's portal and paid" },
      preconditions: CART_PAYMENT,
      steps: {
        it: [
          'Creare e pubblicare una posizione senza data di validità (toPublish=true) e verificare lo stato VALID',
          "Inviare il carrello come il portale dell'EC: POST /checkout/ec/v1/carts con l'avviso (codice avviso, codice fiscale dell'EC, importo, ente, oggetto), gli URL di ritorno e l'e-mail; verificare HTTP 302 con Location",
          "Aprire nel browser la Location: Checkout mostra la pagina dell'e-mail con il carrello nell'intestazione (totale e importo dell'avviso)",
          'Pagare con la carta di test (e-mail, carta, PSP, "Paga") e verificare la pagina di esito "Hai pagato <totale>"',
          'Premere "Continua" e verificare che il browser arrivi all\'URL di ritorno di successo del portale',
          "Attendere lo stato PAID della posizione su GPD e la ricevuta dell'avviso (GET /payments/{ec}/receipts/{iuv})",
        ],
        en: [
          'Create and publish a position without validity date (toPublish=true) and check the status VALID',
          "Send the cart as the EC's portal does: POST /checkout/ec/v1/carts with the notice (notice number, EC fiscal code, amount, payee, subject), the return URLs and the e-mail; check HTTP 302 with a Location",
          'Open the Location in the browser: Checkout shows the e-mail page with the cart in its header (total and amount of the notice)',
          'Pay with the test card (e-mail, card, PSP, "Pay") and check the outcome page "You have paid <total>"',
          'Press "Continue" and check that the browser reaches the portal\'s success return URL',
          'Wait for the position PAID on GPD and for the receipt of the notice (GET /payments/{ec}/receipts/{iuv})',
        ],
      },
      expected: {
        it: "302 verso Checkout; carrello mostrato e pagato; ritorno all'URL di successo; posizione PAID su GPD con la sua ricevuta",
        en: 'A 302 to Checkout; the cart shown and paid; back to the success URL; the position PAID on GPD with its receipt',
      },
    },
    {
      id: 'PAY-11',
      severity: 'critical',
      title: { it: 'Carrello di più avvisi pagato in una sola transazione', en: 'Cart of several notices paid in one transaction' },
      preconditions: CART_PAYMENT,
      steps: {
        it: [
          'Creare e pubblicare tre posizioni (importi diversi) e verificare lo stato VALID di ciascuna',
          'Inviare un carrello con i tre avvisi (POST /checkout/ec/v1/carts) e verificare HTTP 302 con Location',
          "Aprire la Location e verificare nel riepilogo del carrello il totale e l'importo di ogni avviso",
          'Pagare con la carta di test e verificare la pagina di esito "Hai pagato <totale>" (totale ≥ somma degli importi)',
          'Premere "Continua" e verificare che il browser arrivi all\'URL di ritorno di successo',
          'Attendere lo stato PAID di ogni posizione su GPD (opzione PO_PAID, stesso PSP) e la ricevuta di ogni avviso',
        ],
        en: [
          'Create and publish three positions (different amounts) and check each is VALID',
          'Send a cart of the three notices (POST /checkout/ec/v1/carts) and check HTTP 302 with a Location',
          "Open the Location and check the cart summary's total and each notice's amount",
          'Pay with the test card and check the outcome page "You have paid <total>" (total ≥ sum of the amounts)',
          'Press "Continue" and check that the browser reaches the success return URL',
          'Wait for every position PAID on GPD (option PO_PAID, same PSP) and for the receipt of every notice',
        ],
      },
      expected: {
        it: 'Un solo pagamento per tutti gli avvisi; ogni posizione PAID con la sua ricevuta; ritorno al portale',
        en: 'One payment for all the notices; every position PAID with its receipt; back to the portal',
      },
    },
    {
      id: 'PAY-12',
      severity: 'normal',
      title: { it: 'Carrello non valido rifiutato', en: 'Invalid cart refused' },
      preconditions: {
        it: "Chiave GPD dell'EC (GPD_SUBSCRIPTION_KEY), con cui il portale invia il carrello",
        en: "The EC's GPD key (GPD_SUBSCRIPTION_KEY), with which the portal sends the cart",
      },
      steps: {
        it: [
          'Creare e pubblicare sei posizioni VALID',
          'Inviare un carrello con i sei avvisi (oltre il massimo di 5): verificare HTTP 400 "Request validation error" / "The input request is invalid" e nessuna Location',
          'Inviare un carrello con un codice avviso di 17 cifre: verificare lo stesso HTTP 400',
          'Inviare un carrello con lo stesso avviso due volte: verificare HTTP 422 "Invalid payment info" / "Duplicate payment notice values found."',
          'Verificare che le posizioni siano ancora VALID e non pagate',
        ],
        en: [
          'Create and publish six VALID positions',
          'Send a cart of the six notices (above the maximum of 5): check HTTP 400 "Request validation error" / "The input request is invalid" and no Location',
          'Send a cart with a notice number of 17 digits: check the same HTTP 400',
          'Send a cart with the same notice twice: check HTTP 422 "Invalid payment info" / "Duplicate payment notice values found."',
          'Check that the positions are still VALID and unpaid',
        ],
      },
      expected: {
        it: 'Il carrello non valido è rifiutato con il corpo documentato (400 o 422), nessun reindirizzamento a Checkout, nessuna posizione toccata',
        en: 'The invalid cart is refused with the documented body (400 or 422), no redirect to Checkout, no position touched',
      },
    },
  ]),
  // ---- GPD v3: positions with payment plans (issue 13), only when the EC uses v3 (GPD_API_VERSIONS) ----
  // Paths relative to `/gpd/debt-positions-service/v3` unless the step says "v1". Not mandatory: the
  // official plan is written for v1; an EC that chose v3 still sees these cases run and evidenced.
  ...cases(
    'GPD-V3',
    6,
    [
      {
        id: 'GPD-V3-01',
        severity: 'critical',
        title: {
          it: 'Creazione v3 con due piani di rateizzazione e un pagamento unico',
          en: 'v3 create with two payment plans and a single payment',
        },
        preconditions: V3_NEW,
        steps: {
          it: [
            'Preparare una posizione v3 con tre opzioni per lo stesso debitore: unica soluzione (120 €, scadenza a 30 giorni), piano di 3 rate da 40 € (30, 60, 90 giorni), piano di 2 rate da 60 € (45, 75 giorni)',
            'Inviare POST /organizations/{ec}/debtpositions?toPublish=true e verificare HTTP 201',
            'Verificare stato VALID, tre opzioni, ogni piano con le sue rate (IUV, importo, scadenza, stato UNPAID) e il debitore di ogni opzione',
          ],
          en: [
            'Build a v3 position with three options for the same debtor: one payment (120 €, due in 30 days), a plan of 3 instalments of 40 € (30, 60, 90 days), a plan of 2 instalments of 60 € (45, 75 days)',
            'Send POST /organizations/{ec}/debtpositions?toPublish=true and check HTTP 201',
            "Check status VALID, three options, each plan with its instalments (IUV, amount, due date, status UNPAID) and each option's debtor",
          ],
        },
        expected: {
          it: 'HTTP 201, posizione VALID con un pagamento unico e due piani, rate e debitori come inviati',
          en: 'HTTP 201, a VALID position with one single payment and two plans, instalments and debtors as sent',
        },
      },
      {
        id: 'GPD-V3-02',
        title: { it: 'Pubblicazione v3 di una bozza', en: 'v3 publication of a draft' },
        preconditions: V3_NEW,
        steps: {
          it: [
            'Creare la posizione v3 con due piani in bozza (POST /organizations/{ec}/debtpositions senza toPublish, HTTP 201, stato DRAFT)',
            'Inviare POST /organizations/{ec}/debtpositions/{iupd}/publish e verificare HTTP 200 e stato VALID',
            'Ripetere la pubblicazione e verificare HTTP 409 con il titolo della piattaforma',
          ],
          en: [
            'Create the v3 position with two plans as a draft (POST /organizations/{ec}/debtpositions without toPublish, HTTP 201, status DRAFT)',
            'Send POST /organizations/{ec}/debtpositions/{iupd}/publish and check HTTP 200 and status VALID',
            "Publish again and check HTTP 409 with the platform's title",
          ],
        },
        expected: { it: 'DRAFT → VALID (HTTP 200); seconda pubblicazione HTTP 409', en: 'DRAFT → VALID (HTTP 200); second publication HTTP 409' },
      },
      {
        id: 'GPD-V3-03',
        title: { it: 'Lettura v3 di una posizione con piani', en: 'v3 read of a position with plans' },
        preconditions: V3_NEW,
        steps: {
          it: [
            'Creare e pubblicare la posizione v3 con due piani (HTTP 201)',
            'Inviare GET /organizations/{ec}/debtpositions/{iupd} e verificare HTTP 200',
            'Verificare IUPD, EC, ente, stato VALID; per ogni opzione il debitore e le rate (codice avviso, IUV, EC, importo, scadenza, stato UNPAID, trasferimento T_UNREPORTED)',
          ],
          en: [
            'Create and publish the v3 position with two plans (HTTP 201)',
            'Send GET /organizations/{ec}/debtpositions/{iupd} and check HTTP 200',
            'Check IUPD, EC, company, status VALID; for each option its debtor and instalments (notice number, IUV, EC, amount, due date, status UNPAID, transfer T_UNREPORTED)',
          ],
        },
        expected: { it: 'HTTP 200, dati coerenti con la creazione', en: 'HTTP 200, data consistent with creation' },
      },
      {
        id: 'GPD-V3-04',
        title: { it: 'Elenco v3 con filtri', en: 'v3 list with filters' },
        preconditions: V3_NEW,
        steps: {
          it: [
            'Creare una posizione v3 pubblicata e una in bozza (HTTP 201)',
            'Inviare GET /organizations/{ec}/debtpositions?status=VALID&due_date_from=<oggi>&due_date_to=<oggi+30>&orderby=INSERTED_DATE&ordering=DESC&limit=50 e verificare HTTP 200',
            'Verificare che la pubblicata sia nella pagina con le sue opzioni e la bozza no; con status=DRAFT il contrario',
            'Verificare page_info (pagina 0, limite 50)',
          ],
          en: [
            'Create a published v3 position and a draft one (HTTP 201)',
            'Send GET /organizations/{ec}/debtpositions?status=VALID&due_date_from=<today>&due_date_to=<today+30>&orderby=INSERTED_DATE&ordering=DESC&limit=50 and check HTTP 200',
            'Check that the published one is on the page with its options and the draft is not; the reverse with status=DRAFT',
            'Check page_info (page 0, limit 50)',
          ],
        },
        expected: { it: 'HTTP 200, i filtri selezionano le posizioni v3 attese', en: 'HTTP 200, the filters select the expected v3 positions' },
      },
      {
        id: 'GPD-V3-05',
        title: { it: 'Aggiornamento v3 dei piani', en: 'v3 update of the plans' },
        preconditions: V3_NEW,
        steps: {
          it: [
            'Creare e pubblicare la posizione v3 con due piani (HTTP 201)',
            'Togliere il piano di 2 rate e portare il pagamento unico a 110 €; inviare PUT /organizations/{ec}/debtpositions/{iupd}?toPublish=true e verificare HTTP 200, stato VALID, due opzioni',
            'Rileggere la posizione (GET) e verificare importo e opzioni aggiornati',
            'Inviare PUT con uno IUPD diverso nel corpo e verificare HTTP 400 con il dettaglio della piattaforma',
          ],
          en: [
            'Create and publish the v3 position with two plans (HTTP 201)',
            'Drop the plan of 2 instalments and set the single payment to 110 €; send PUT /organizations/{ec}/debtpositions/{iupd}?toPublish=true and check HTTP 200, status VALID, two options',
            'Read the position again (GET) and check the updated amount and options',
            "Send PUT with another IUPD in the body and check HTTP 400 with the platform's detail",
          ],
        },
        expected: {
          it: 'HTTP 200 e posizione aggiornata, ancora pagabile; IUPD diverso HTTP 400',
          en: 'HTTP 200 and the position updated, still payable; other IUPD HTTP 400',
        },
      },
      {
        id: 'GPD-V3-06',
        title: { it: 'Cancellazione v3', en: 'v3 deletion' },
        preconditions: V3_NEW,
        steps: {
          it: [
            'Creare e pubblicare la posizione v3 con due piani (HTTP 201)',
            'Inviare DELETE /organizations/{ec}/debtpositions/{iupd} e verificare HTTP 200 con il messaggio della piattaforma',
            'Rileggere la posizione (GET) e verificare HTTP 404',
          ],
          en: [
            'Create and publish the v3 position with two plans (HTTP 201)',
            "Send DELETE /organizations/{ec}/debtpositions/{iupd} and check HTTP 200 with the platform's message",
            'Read the position again (GET) and check HTTP 404',
          ],
        },
        expected: { it: 'HTTP 200, poi HTTP 404', en: 'HTTP 200, then HTTP 404' },
      },
      {
        id: 'GPD-V3-07',
        title: {
          it: 'Posizione con più piani vista dalla v1: lettura HTTP 422, esclusa dall\u2019elenco',
          en: 'Position with several plans seen through v1: read HTTP 422, left out of the list',
        },
        preconditions: V3_NEW,
        steps: {
          it: [
            'Creare e pubblicare la posizione v3 con due piani (HTTP 201)',
            'Inviare v1 GET /organizations/{ec}/debtpositions/{iupd} e verificare HTTP 422 con titolo MULTI_INSTALLMENT_NOT_SUPPORTED_IN_V1 e il dettaglio della piattaforma',
            'Inviare v1 GET /organizations/{ec}/debtpositions?status=VALID&orderby=INSERTED_DATE&ordering=DESC&limit=50 e verificare che la posizione non ci sia',
            'Inviare la stessa ricerca in v3 e verificare che la posizione ci sia',
          ],
          en: [
            'Create and publish the v3 position with two plans (HTTP 201)',
            "Send v1 GET /organizations/{ec}/debtpositions/{iupd} and check HTTP 422 with title MULTI_INSTALLMENT_NOT_SUPPORTED_IN_V1 and the platform's detail",
            'Send v1 GET /organizations/{ec}/debtpositions?status=VALID&orderby=INSERTED_DATE&ordering=DESC&limit=50 and check that the position is not there',
            'Send the same query through v3 and check that the position is there',
          ],
        },
        expected: {
          it: 'v1: HTTP 422 e posizione assente dall\u2019elenco; v3: posizione presente',
          en: 'v1: HTTP 422 and the position absent from the list; v3: the position listed',
        },
      },
      // A payment on Checkout, in step 6 with the rest of the area: what it evidences is the v3 position's state.
      {
        id: 'GPD-V3-08',
        severity: 'critical',
        title: {
          it: 'Rata v3 pagata su Checkout: rata PAID e posizione PARTIALLY_PAID',
          en: 'v3 instalment paid on Checkout: instalment PAID and position PARTIALLY_PAID',
        },
        preconditions: {
          it: `${CHECKOUT_PAYMENT.it}; l'EC usa GPD v3 (GPD_API_VERSIONS)`,
          en: `${CHECKOUT_PAYMENT.en}; the EC uses GPD v3 (GPD_API_VERSIONS)`,
        },
        steps: {
          it: [
            'Creare e pubblicare la posizione v3 con due piani (HTTP 201)',
            'Pagare con carta su Checkout la prima rata del piano di 3 rate (codice fiscale EC + codice avviso)',
            'Leggere la posizione in v3 fino a che la rata risulta pagata (GET /organizations/{ec}/debtpositions/{iupd})',
            'Verificare rata PAID con data di pagamento, le altre rate UNPAID e la posizione PARTIALLY_PAID',
          ],
          en: [
            'Create and publish the v3 position with two plans (HTTP 201)',
            'Pay by card on Checkout the first instalment of the 3-instalment plan (EC fiscal code + notice number)',
            'Read the position through v3 until the instalment is paid (GET /organizations/{ec}/debtpositions/{iupd})',
            'Check the instalment PAID with its payment date, the other instalments UNPAID and the position PARTIALLY_PAID',
          ],
        },
        expected: {
          it: 'Rata PAID su GPD v3, posizione PARTIALLY_PAID',
          en: 'Instalment PAID on GPD v3, position PARTIALLY_PAID',
        },
      },
    ],
    false,
  ),
  // Receipts pushed to the EC (issue 14): optional in async mode (the EC may pull receipts instead, RIC); the one
  // piece of step 5 that is the EC's own software, checked by playing the Node against its endpoint.
  ...cases(
    'RT',
    5,
    [
      {
        id: 'RT-01',
        severity: 'critical',
        title: { it: "Ricevuta valida accettata dall'endpoint dell'EC", en: "Valid receipt accepted by the EC's endpoint" },
        preconditions: {
          it: "EC_RT_ENDPOINT_URL (endpoint di collaudo della stazione dell'EC per paSendRT) ed EC_RT_PRIMITIVE_VERSION (1 o 2) configurati, altrimenti il caso è saltato; sulla sandbox il ricevitore di esempio (examples/rt-receiver) avviato dalla suite; una posizione creata e pubblicata in questa esecuzione",
          en: 'EC_RT_ENDPOINT_URL (the collaudo endpoint of the EC station for paSendRT) and EC_RT_PRIMITIVE_VERSION (1 or 2) configured, otherwise the case is skipped; on the sandbox the example receiver (examples/rt-receiver) the suite starts; a position created and published in this run',
        },
        steps: {
          it: [
            "Creare e pubblicare una posizione con un'opzione e costruire la ricevuta del suo pagamento (receiptId nuovo, importi in euro con due decimali, trasferimenti, debitore, PSP)",
            "Inviare paSendRTV2 (o paSendRT) all'endpoint con SOAPAction dell'operazione, per EC, intermediario e stazione configurati, verificando prima il corpo con lo schema",
            'Verificare HTTP 200 entro il timeout del Nodo (EC_RT_TIMEOUT_MS), una busta SOAP con paSendRTV2Response (o paSendRTRes) conforme allo schema, outcome OK',
          ],
          en: [
            'Create and publish a position with one option and build the receipt of its payment (new receiptId, amounts in euros with two decimals, transfers, debtor, PSP)',
            "Send paSendRTV2 (or paSendRT) to the endpoint with the operation's SOAPAction, for the configured EC, broker and station, checking the body against the schema first",
            "Check HTTP 200 within the Node's timeout (EC_RT_TIMEOUT_MS), a SOAP envelope with a paSendRTV2Response (or paSendRTRes) conforming to the schema, outcome OK",
          ],
        },
        expected: {
          it: 'HTTP 200 entro il timeout del Nodo con paSendRTV2Response (o paSendRTRes) valida e outcome OK',
          en: "HTTP 200 within the Node's timeout with a valid paSendRTV2Response (or paSendRTRes) and outcome OK",
        },
      },
      {
        id: 'RT-02',
        title: { it: 'Stessa ricevuta inviata di nuovo: nessuna doppia contabilizzazione', en: 'The same receipt sent again: no second accounting' },
        preconditions: {
          it: "EC_RT_ENDPOINT_URL (endpoint di collaudo della stazione dell'EC per paSendRT) ed EC_RT_PRIMITIVE_VERSION (1 o 2) configurati, altrimenti il caso è saltato; sulla sandbox il ricevitore di esempio (examples/rt-receiver) avviato dalla suite; una posizione creata e pubblicata in questa esecuzione",
          en: 'EC_RT_ENDPOINT_URL (the collaudo endpoint of the EC station for paSendRT) and EC_RT_PRIMITIVE_VERSION (1 or 2) configured, otherwise the case is skipped; on the sandbox the example receiver (examples/rt-receiver) the suite starts; a position created and published in this run',
        },
        steps: {
          it: [
            "Creare e pubblicare una posizione con un'opzione e costruire la ricevuta del suo pagamento (receiptId nuovo, importi in euro con due decimali, trasferimenti, debitore, PSP)",
            'Inviare la ricevuta: verificare outcome OK',
            'Inviare di nuovo la stessa ricevuta (come fa il Nodo quando la risposta precedente è andata persa): verificare outcome OK oppure KO con faultCode PAA_RECEIPT_DUPLICATA',
          ],
          en: [
            'Create and publish a position with one option and build the receipt of its payment (new receiptId, amounts in euros with two decimals, transfers, debtor, PSP)',
            'Send the receipt: check outcome OK',
            'Send the same receipt again (as the Node does when the earlier answer was lost): check outcome OK or KO with faultCode PAA_RECEIPT_DUPLICATA',
          ],
        },
        expected: {
          it: "La ripetizione è accettata (OK) o segnalata come duplicata (KO PAA_RECEIPT_DUPLICATA); l'EC non contabilizza due volte (il ricevitore di esempio risponde PAA_RECEIPT_DUPLICATA e conserva una sola ricevuta)",
          en: 'The repetition is accepted (OK) or reported as a duplicate (KO PAA_RECEIPT_DUPLICATA); the EC does not account twice (the example receiver answers PAA_RECEIPT_DUPLICATA and keeps one receipt)',
        },
      },
      {
        id: 'RT-03',
        title: { it: "Ricevuta per un EC non servito dall'endpoint", en: 'Receipt for an EC the endpoint does not serve' },
        preconditions: {
          it: "EC_RT_ENDPOINT_URL (endpoint di collaudo della stazione dell'EC per paSendRT) ed EC_RT_PRIMITIVE_VERSION (1 o 2) configurati, altrimenti il caso è saltato; sulla sandbox il ricevitore di esempio (examples/rt-receiver) avviato dalla suite; una posizione creata e pubblicata in questa esecuzione; UNBOUND_EC_FISCAL_CODE, un codice fiscale di EC che l'endpoint non serve",
          en: 'EC_RT_ENDPOINT_URL (the collaudo endpoint of the EC station for paSendRT) and EC_RT_PRIMITIVE_VERSION (1 or 2) configured, otherwise the case is skipped; on the sandbox the example receiver (examples/rt-receiver) the suite starts; a position created and published in this run; UNBOUND_EC_FISCAL_CODE, an EC fiscal code the endpoint does not serve',
        },
        steps: {
          it: [
            "Creare e pubblicare una posizione con un'opzione e costruire la ricevuta del suo pagamento (receiptId nuovo, importi in euro con due decimali, trasferimenti, debitore, PSP)",
            'Inviare la ricevuta con idPA e fiscalCode = UNBOUND_EC_FISCAL_CODE',
            'Verificare HTTP 200 con outcome KO e faultCode PAA_ID_DOMINIO_ERRATO',
          ],
          en: [
            'Create and publish a position with one option and build the receipt of its payment (new receiptId, amounts in euros with two decimals, transfers, debtor, PSP)',
            'Send the receipt with idPA and fiscalCode = UNBOUND_EC_FISCAL_CODE',
            'Check HTTP 200 with outcome KO and faultCode PAA_ID_DOMINIO_ERRATO',
          ],
        },
        expected: { it: 'outcome KO con faultCode PAA_ID_DOMINIO_ERRATO', en: 'outcome KO with faultCode PAA_ID_DOMINIO_ERRATO' },
      },
      {
        id: 'RT-04',
        title: { it: 'Ricevuta indirizzata a una stazione errata', en: 'Receipt addressed to a wrong station' },
        preconditions: {
          it: "EC_RT_ENDPOINT_URL (endpoint di collaudo della stazione dell'EC per paSendRT) ed EC_RT_PRIMITIVE_VERSION (1 o 2) configurati, altrimenti il caso è saltato; sulla sandbox il ricevitore di esempio (examples/rt-receiver) avviato dalla suite; una posizione creata e pubblicata in questa esecuzione",
          en: 'EC_RT_ENDPOINT_URL (the collaudo endpoint of the EC station for paSendRT) and EC_RT_PRIMITIVE_VERSION (1 or 2) configured, otherwise the case is skipped; on the sandbox the example receiver (examples/rt-receiver) the suite starts; a position created and published in this run',
        },
        steps: {
          it: [
            "Creare e pubblicare una posizione con un'opzione e costruire la ricevuta del suo pagamento (receiptId nuovo, importi in euro con due decimali, trasferimenti, debitore, PSP)",
            'Inviare la ricevuta con idStation = <BROKER_CODE>_NN diversa da STATION_ID',
            'Verificare HTTP 200 con outcome KO e faultCode PAA_STAZIONE_INT_ERRATA',
          ],
          en: [
            'Create and publish a position with one option and build the receipt of its payment (new receiptId, amounts in euros with two decimals, transfers, debtor, PSP)',
            'Send the receipt with idStation = <BROKER_CODE>_NN other than STATION_ID',
            'Check HTTP 200 with outcome KO and faultCode PAA_STAZIONE_INT_ERRATA',
          ],
        },
        expected: { it: 'outcome KO con faultCode PAA_STAZIONE_INT_ERRATA', en: 'outcome KO with faultCode PAA_STAZIONE_INT_ERRATA' },
      },
      {
        id: 'RT-05',
        title: { it: "Richiesta non conforme all'XSD: mai accettata", en: 'Request that violates the XSD: never accepted' },
        preconditions: {
          it: "EC_RT_ENDPOINT_URL (endpoint di collaudo della stazione dell'EC per paSendRT) ed EC_RT_PRIMITIVE_VERSION (1 o 2) configurati, altrimenti il caso è saltato; sulla sandbox il ricevitore di esempio (examples/rt-receiver) avviato dalla suite; una posizione creata e pubblicata in questa esecuzione",
          en: 'EC_RT_ENDPOINT_URL (the collaudo endpoint of the EC station for paSendRT) and EC_RT_PRIMITIVE_VERSION (1 or 2) configured, otherwise the case is skipped; on the sandbox the example receiver (examples/rt-receiver) the suite starts; a position created and published in this run',
        },
        steps: {
          it: [
            "Creare e pubblicare una posizione con un'opzione e costruire la ricevuta del suo pagamento (receiptId nuovo, importi in euro con due decimali, trasferimenti, debitore, PSP)",
            'Inviare la ricevuta con paymentAmount senza due decimali (verificato non conforme allo schema prima di inviarlo)',
            'Inviare la ricevuta con un elemento sconosciuto in paSendRTV2Request (o paSendRTReq)',
            'Per ciascuna verificare outcome KO con faultCode PAA_SINTASSI_EXTRAXSD, oppure un SOAP Fault; mai outcome OK',
          ],
          en: [
            'Create and publish a position with one option and build the receipt of its payment (new receiptId, amounts in euros with two decimals, transfers, debtor, PSP)',
            'Send the receipt with a paymentAmount without two decimals (checked to break the schema before sending)',
            'Send the receipt with an unknown element in paSendRTV2Request (or paSendRTReq)',
            'For each check outcome KO with faultCode PAA_SINTASSI_EXTRAXSD, or a SOAP Fault; never outcome OK',
          ],
        },
        expected: {
          it: 'KO PAA_SINTASSI_EXTRAXSD o SOAP Fault per ciascuna richiesta non valida, mai OK',
          en: 'KO PAA_SINTASSI_EXTRAXSD or a SOAP Fault for each invalid request, never OK',
        },
      },
      {
        id: 'RT-06',
        severity: 'critical',
        title: {
          it: "Pagamento su Checkout: il Nodo della sandbox invia la ricevuta e l'endpoint dell'EC la accetta",
          en: "Payment on Checkout: the sandbox's Node pushes the receipt and the EC's endpoint accepts it",
        },
        preconditions: {
          it: 'Solo sandbox (serve la sua API di controllo, SANDBOX_INTERNAL_KEY; su UAT il caso è saltato: verificare nel log del proprio endpoint); EC_RT_ENDPOINT_URL o il ricevitore di esempio, configurato come endpoint della stazione STATION_ID',
          en: "Sandbox only (it needs its control API, SANDBOX_INTERNAL_KEY; on UAT the case is skipped: check your endpoint's log); EC_RT_ENDPOINT_URL or the example receiver, configured as the endpoint of station STATION_ID",
        },
        steps: {
          it: [
            'Creare e pubblicare una posizione e pagarla con carta su Checkout fino a PAID su GPD (come PAY-01)',
            "Leggere l'invio della ricevuta (GET /__sandbox/rt/receipts/{ec}/{iuv}) finché la stazione STATION_ID è NOTIFIED (al più 30 s)",
            'Verificare stati NOTICE_GENERATED → NOTICE_SENT → NOTIFIED, SOAPAction della versione configurata, ultimo tentativo HTTP 200 outcome OK',
            'Verificare la busta inviata: conforme allo schema, receiptId = idReceipt su GPD, numero avviso, IUV, importo in euro, debitore e trasferimenti della posizione, EC, intermediario e stazione',
          ],
          en: [
            'Create and publish a position and pay it by card on Checkout until it is PAID on GPD (as PAY-01)',
            'Read the receipt push (GET /__sandbox/rt/receipts/{ec}/{iuv}) until station STATION_ID is NOTIFIED (at most 30 s)',
            "Check statuses NOTICE_GENERATED → NOTICE_SENT → NOTIFIED, the configured version's SOAPAction, last attempt HTTP 200 outcome OK",
            "Check the envelope sent: conforming to the schema, receiptId = GPD's idReceipt, notice number, IUV, amount in euros, the position's debtor and transfers, EC, broker and station",
          ],
        },
        expected: {
          it: "La ricevuta del pagamento arriva all'endpoint dell'EC, che risponde OK; il contenuto è coerente con la posizione e con GPD",
          en: "The payment's receipt reaches the EC's endpoint, which answers OK; its content is consistent with the position and with GPD",
        },
      },
    ],
    false,
  ),
];

const BY_ID = new Map(CATALOGUE.map((c) => [c.id, c]));

export function caseById(id: string): TestCase | undefined {
  return BY_ID.get(id);
}

/** The case id at the start of a test title: `[GPD-CRE-01] ...` → `GPD-CRE-01`. */
export function caseIdOfTitle(title: string): string | undefined {
  return /^\[([A-Z]+(?:-[A-Z][A-Z0-9]*)*-\d{2})\]/.exec(title)?.[1];
}
