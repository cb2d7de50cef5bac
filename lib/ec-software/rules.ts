// The checks of one call of the EC's software on its own: the request body against our schemas and the
// platform's rules on a debt position (IUV check digits and segregation code, NAV = 3 + IUV, amounts in
// cents adding up, at most 5 transfers, IBAN or stamp, idTransfer 1..5, dates not in the past and without
// a zone, toPublish a boolean, the body's IUPD the path's). The checks that need earlier calls are in
// monitor.ts (sequences).
import { isValidIuv } from '../ids.ts';
import { validateBody, type SchemaId } from '../schemas.ts';
import type { Finding, FindingCode, Route } from './calls.ts';

export interface RuleContext {
  /** The EC's segregation codes (2 digits); empty: not checked. */
  segregationCodes: readonly string[];
  /** The platform's "now" (the sandbox's clock), for the date rules. */
  now: number;
}

type Text = { it: string; en: string };

function finding(code: FindingCode, severity: Finding['severity'], message: Text, advice: Text): Finding {
  return { code, severity, message, advice };
}

const SCHEMA_OF: Partial<Record<Route['operation'], SchemaId>> = {
  create: 'gpd/PaymentPositionModel',
  update: 'gpd/PaymentPositionModel',
  'bulk-create': 'gpd/MultiplePaymentPositionModel',
  'bulk-update': 'gpd/MultiplePaymentPositionModel',
  'bulk-delete': 'gpd/MultipleIUPDModel',
};

/** The request body the operation takes, parsed; `malformed` when it is not JSON. */
export type ParsedBody = { kind: 'json'; value: unknown } | { kind: 'malformed' } | { kind: 'none' };

interface Position {
  iupd?: unknown;
  validityDate?: unknown;
  paymentOption?: unknown;
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A GPD date-time (no zone = UTC, a trailing Z tolerated) in ms; undefined when it is not one. */
function gpdInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z?$/.test(value)) return undefined;
  const ms = Date.parse(value.endsWith('Z') ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:?\d{2})$/;

function positionFindings(position: Position, context: RuleContext, where: string): Finding[] {
  const out: Finding[] = [];
  const validity = gpdInstant(position.validityDate);
  if (typeof position.validityDate === 'string' && ZONED.test(position.validityDate)) out.push(zoneFinding(`${where}validityDate`, position.validityDate));
  if (validity !== undefined && validity < context.now)
    out.push(
      finding(
        'validity-date-past',
        'error',
        {
          it: `${where}validityDate ${String(position.validityDate)} è nel passato`,
          en: `${where}validityDate ${String(position.validityDate)} is in the past`,
        },
        {
          it: 'Omettere validityDate (pubblicazione immediata) o indicare un istante futuro, in UTC senza fuso',
          en: 'Leave validityDate out (immediate publication) or give a future instant, in UTC without a zone',
        },
      ),
    );
  asArray(position.paymentOption).forEach((raw, o) => {
    const option = asRecord(raw);
    if (!option) return;
    const at = `${where}paymentOption[${o}].`;
    const iuv = option.iuv;
    if (typeof iuv === 'string') {
      if (!isValidIuv(iuv))
        out.push(
          finding(
            'iuv-check-digits',
            'error',
            {
              it: `${at}iuv ${iuv}: non è uno IUV di 17 cifre con le cifre di controllo giuste`,
              en: `${at}iuv ${iuv}: not a 17-digit IUV with the right check digits`,
            },
            {
              it: 'IUV = codice di segregazione (2) + base (13) + (("3" + segregazione + base) mod 93) su 2 cifre',
              en: 'IUV = segregation code (2) + base (13) + (("3" + segregation + base) mod 93) on 2 digits',
            },
          ),
        );
      if (context.segregationCodes.length > 0 && /^\d{17}$/.test(iuv) && !context.segregationCodes.includes(iuv.slice(0, 2)))
        out.push(
          finding(
            'iuv-segregation-code',
            'error',
            {
              it: `${at}iuv ${iuv} inizia con ${iuv.slice(0, 2)}, non con il codice di segregazione dell'EC (${context.segregationCodes.join(', ')})`,
              en: `${at}iuv ${iuv} starts with ${iuv.slice(0, 2)}, not with the EC's segregation code (${context.segregationCodes.join(', ')})`,
            },
            {
              it: 'Le prime 2 cifre dello IUV sono il codice di segregazione assegnato da PagoPA alla stazione',
              en: 'The first 2 digits of the IUV are the segregation code PagoPA assigned to the station',
            },
          ),
        );
      if (typeof option.nav === 'string' && option.nav !== `3${iuv}`)
        out.push(
          finding(
            'nav-mismatch',
            'error',
            { it: `${at}nav ${option.nav} diverso da 3 + IUV (3${iuv})`, en: `${at}nav ${option.nav} differs from 3 + IUV (3${iuv})` },
            {
              it: 'Con il codice ausiliario 3 il NAV è "3" seguito dallo IUV; si può anche omettere',
              en: 'With aux digit 3 the NAV is "3" followed by the IUV; it may also be left out',
            },
          ),
        );
    }
    const transfers = asArray(option.transfer);
    const amounts = transfers.map((t) => asRecord(t)?.amount);
    if (typeof option.amount === 'number' && amounts.every((a) => typeof a === 'number') && transfers.length > 0) {
      const total = (amounts as number[]).reduce((sum, a) => sum + a, 0);
      if (total !== option.amount)
        out.push(
          finding(
            'transfers-sum',
            'error',
            {
              it: `${at}amount ${option.amount} (centesimi) diverso dalla somma dei trasferimenti ${total}`,
              en: `${at}amount ${option.amount} (cents) differs from the transfers total ${total}`,
            },
            {
              it: "Gli importi sono in centesimi di euro (interi) e la somma dei trasferimenti deve essere uguale all'importo dell'opzione",
              en: "Amounts are in euro cents (integers) and the transfers must add up to the option's amount",
            },
          ),
        );
    }
    if (transfers.length > 5)
      out.push(
        finding(
          'too-many-transfers',
          'error',
          { it: `${at}transfer: ${transfers.length} trasferimenti (massimo 5)`, en: `${at}transfer: ${transfers.length} transfers (at most 5)` },
          { it: 'Ogni opzione di pagamento ha al più 5 trasferimenti', en: 'Each payment option has at most 5 transfers' },
        ),
      );
    for (const [field, value] of [
      ['dueDate', option.dueDate],
      ['retentionDate', option.retentionDate],
    ] as const)
      if (typeof value === 'string' && ZONED.test(value)) out.push(zoneFinding(`${at}${field}`, value));
    const due = gpdInstant(option.dueDate);
    if (due !== undefined && due < Math.max(context.now, validity ?? 0))
      out.push(
        finding(
          'due-date-past',
          'error',
          {
            it: `${at}dueDate ${String(option.dueDate)} è nel passato (o prima della validità)`,
            en: `${at}dueDate ${String(option.dueDate)} is in the past (or before the validity date)`,
          },
          {
            it: 'La scadenza deve essere futura e non precedente a validityDate; le date sono in UTC senza fuso',
            en: 'The due date must be in the future and not before validityDate; dates are in UTC without a zone',
          },
        ),
      );
    transfers.forEach((rawTransfer, t) => {
      const transfer = asRecord(rawTransfer);
      if (!transfer) return;
      const tat = `${at}transfer[${t}].`;
      if (transfer.idTransfer !== undefined && !['1', '2', '3', '4', '5'].includes(String(transfer.idTransfer)))
        out.push(
          finding(
            'id-transfer',
            'error',
            { it: `${tat}idTransfer ${String(transfer.idTransfer)} fuori da 1..5`, en: `${tat}idTransfer ${String(transfer.idTransfer)} outside 1..5` },
            { it: 'idTransfer vale "1".."5", uno per trasferimento', en: 'idTransfer is "1".."5", one per transfer' },
          ),
        );
      const hasIban = typeof transfer.iban === 'string' && transfer.iban !== '';
      if (hasIban && asRecord(transfer.stamp))
        out.push(
          finding(
            'iban-and-stamp',
            'error',
            { it: `${tat}: IBAN e marca da bollo insieme`, en: `${tat}: IBAN and stamp together` },
            {
              it: 'Un trasferimento ha un IBAN (eventualmente con IBAN postale) oppure una marca da bollo, non entrambi',
              en: 'A transfer has an IBAN (optionally with a postal IBAN) or a stamp, not both',
            },
          ),
        );
    });
  });
  return out;
}

function zoneFinding(field: string, value: string): Finding {
  return finding(
    'date-with-zone',
    'warning',
    { it: `${field} ${value} ha un fuso orario`, en: `${field} ${value} carries a time zone` },
    {
      it: 'GPD legge le date senza fuso come UTC (LocalDateTime): convertire in UTC e togliere il fuso',
      en: 'GPD reads dates without a zone as UTC (LocalDateTime): convert to UTC and drop the zone',
    },
  );
}

/** The checks of one call that need no other call. */
export function callFindings(route: Route, query: URLSearchParams, body: ParsedBody, context: RuleContext): Finding[] {
  const out: Finding[] = [];
  const toPublish = query.get('toPublish');
  if (
    toPublish !== null &&
    (route.operation === 'create' || route.operation === 'update' || route.operation === 'bulk-create' || route.operation === 'bulk-update')
  )
    if (!['true', 'false'].includes(toPublish.trim().toLowerCase()))
      out.push(
        finding(
          'to-publish-value',
          'error',
          { it: `toPublish=${toPublish} non è un booleano`, en: `toPublish=${toPublish} is not a boolean` },
          { it: 'toPublish vale true (pubblica subito) o false (bozza)', en: 'toPublish is true (publish now) or false (draft)' },
        ),
      );
  const schema = SCHEMA_OF[route.operation];
  if (!schema) return out;
  if (body.kind === 'malformed') {
    out.push(
      finding(
        'malformed-json',
        'error',
        { it: 'Il corpo non è JSON valido', en: 'The body is not valid JSON' },
        {
          it: 'Serializzare il corpo con una libreria JSON, Content-Type application/json',
          en: 'Serialise the body with a JSON library, Content-Type application/json',
        },
      ),
    );
    return out;
  }
  if (body.kind === 'none') return out;
  const verdict = validateBody(schema, body.value);
  if (!verdict.valid)
    out.push(
      finding(
        'schema',
        'error',
        {
          it: `Corpo non conforme a ${schema}: ${verdict.errors.slice(0, 5).join('; ')}`,
          en: `Body does not match ${schema}: ${verdict.errors.slice(0, 5).join('; ')}`,
        },
        {
          it: 'Inviare i campi obbligatori con i tipi del contratto GPD (importi interi in centesimi, date senza fuso)',
          en: "Send the required fields with the GPD contract's types (integer amounts in cents, dates without a zone)",
        },
      ),
    );
  if (verdict.warnings.length > 0)
    out.push(
      finding(
        'unexpected-property',
        'warning',
        {
          it: `Proprietà non previste dal contratto: ${verdict.warnings.slice(0, 5).join('; ')}`,
          en: `Properties the contract does not have: ${verdict.warnings.slice(0, 5).join('; ')}`,
        },
        { it: 'GPD le ignora: verificare il nome dei campi', en: 'GPD ignores them: check the field names' },
      ),
    );
  const positions: Position[] =
    route.operation === 'bulk-create' || route.operation === 'bulk-update'
      ? asArray(asRecord(body.value)?.paymentPositions).map((p) => asRecord(p) ?? {})
      : route.operation === 'bulk-delete'
        ? []
        : [asRecord(body.value) ?? {}];
  positions.forEach((position, i) =>
    out.push(...positionFindings(position, context, positions.length > 1 || route.api === 'gpd-v2' ? `paymentPositions[${i}].` : '')),
  );
  if (route.operation === 'update' && route.iupd !== undefined && typeof positions[0]?.iupd === 'string' && positions[0].iupd !== route.iupd)
    out.push(
      finding(
        'iupd-mismatch',
        'error',
        {
          it: `IUPD del corpo ${positions[0].iupd} diverso da quello del percorso ${route.iupd}`,
          en: `Body IUPD ${positions[0].iupd} differs from the path IUPD ${route.iupd}`,
        },
        { it: "Nell'aggiornamento lo IUPD del corpo è quello del percorso", en: 'On an update the body IUPD is the path IUPD' },
      ),
    );
  return out;
}
