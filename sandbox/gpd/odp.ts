// verifyPaymentOptions of the internal API (POST /payment-options/organizations/{ec}/notices/{nav}): every payment
// option of the notice's position, grouped into single payments and plans, with a payability status per group and per
// installment; errors in the OdP shape. As pagopa-debt-position at 597562dd: PaymentsController.verifyPaymentOptions
// (segregation codes on the NAV), OptionsService.verifyPaymentOptions (grouping, statuses, order), ErrorHandler's ODP
// branch with OdpProfile and AppError's ODP_OVERLAY (403 and 404 both become 404 ODP-107).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { param, queryParams, sendJson } from '../http.ts';
import { formatLocalDateTime, javaLocalDateTimeString } from '../dates.ts';
import { ProblemError, appError } from '../problem.ts';
import type { Clock } from '../clock.ts';
import type { GpdService } from './service.ts';
import type { PaymentOption, PaymentPosition } from './model.ts';
import { segregationCodesOf, segregationCodesViolation } from './segregation.ts';

export const ODP_PATH = '/payment-options/organizations/:organizationfiscalcode/notices/:nav';

/** OdpProfile: app error code, HTTP status and the PAA code that opens the message. */
const PROFILES = {
  syntax: { code: 'ODP-101', status: 400, statusText: 'Bad Request', paa: 'PAA_SINTASSI' },
  unknown: { code: 'ODP-107', status: 404, statusText: 'Not Found', paa: 'PAA_PAGAMENTO_SCONOSCIUTO' },
  system: { code: 'ODP-103', status: 500, statusText: 'Internal Server Error', paa: 'PAA_SYSTEM_ERROR' },
} as const;
type Profile = (typeof PROFILES)[keyof typeof PROFILES];

const PP_INVALID = 'Debt position is INVALID or EXPIRED';
const OTHER_OPTION_USED = 'Not payable: another payment option has already been used';

function sendOdpError(reply: FastifyReply, profile: Profile, message: string, nowMs: number): FastifyReply {
  const seconds = Math.floor(nowMs / 1000);
  return sendJson(reply, profile.status, {
    httpStatusCode: profile.status,
    httpStatusDescription: profile.statusText,
    appErrorCode: profile.code,
    timestamp: seconds,
    dateTime: javaLocalDateTimeString(seconds * 1000),
    errorMessage: message ? `${profile.paa} ${message}` : profile.paa,
  });
}

/** The @Pattern violations of the method's parameters, as ConstraintViolationException's message joins them. */
function violations(request: FastifyRequest): string[] {
  const found: string[] = [];
  if (!/^\d{1,30}$/.test(param(request, 'organizationfiscalcode'))) found.push('verifyPaymentOptions.organizationFiscalCode: must match "\\d{1,30}"');
  if (!/^\d{1,30}$/.test(param(request, 'nav'))) found.push('verifyPaymentOptions.nav: must match "^\\d{1,30}$"');
  const codes = segregationCodesViolation(request, 'verifyPaymentOptions');
  if (codes) found.push(codes);
  return found;
}

const date = (ms: number | undefined) => (ms === undefined ? null : formatLocalDateTime(ms));
const hasProgress = (po: PaymentOption) => po.status === 'PO_PAID' || po.status === 'PO_PARTIALLY_REPORTED' || po.status === 'PO_REPORTED';
const pastDue = (po: PaymentOption, now: number) => now > po.dueDate;

function groupStatus(list: PaymentOption[], ppInvalid: boolean, forceInvalid: boolean, now: number): [string, string] {
  if (ppInvalid || forceInvalid) return ['PO_INVALID', ppInvalid ? PP_INVALID : OTHER_OPTION_USED];
  if (list.every((po) => po.status === 'PO_PAID')) return ['PO_PAID', 'All installments have been paid'];
  if (list.some((po) => po.status === 'PO_PAID') && list.some((po) => po.status === 'PO_UNPAID'))
    return ['PO_PARTIALLY_PAID', 'Some installments already paid'];
  if (list.every((po) => pastDue(po, now))) {
    return list.some((po) => po.switchToExpired)
      ? ['PO_EXPIRED_NOT_PAYABLE', 'Group expired and not payable']
      : ['PO_EXPIRED_UNPAID', 'Group expired but still payable'];
  }
  return ['PO_UNPAID', 'No installment has been paid'];
}

function installmentStatus(po: PaymentOption, ppInvalid: boolean, forceInvalid: boolean, now: number): [string, string | null] {
  if (ppInvalid) return ['POI_INVALID', PP_INVALID];
  if (forceInvalid) return ['POI_INVALID', OTHER_OPTION_USED];
  if (po.status === 'PO_PAID') return ['POI_PAID', null];
  if (pastDue(po, now)) return po.switchToExpired ? ['POI_EXPIRED_NOT_PAYABLE', 'Expired and not payable'] : ['POI_EXPIRED_UNPAID', 'Expired but payable'];
  return ['POI_UNPAID', null];
}

const byDueDate =
  <T>(due: (item: T) => number | undefined) =>
  (a: T, b: T) =>
    (due(a) ?? Infinity) - (due(b) ?? Infinity);

/** VerifyPaymentOptionsResponse of a position (its status as seen now: PUBLISHED→VALID, VALID→EXPIRED applied). */
function verifyPaymentOptionsResponse(pp: PaymentPosition, now: number) {
  const ppInvalid = pp.status === 'INVALID' || pp.status === 'EXPIRED';
  // A single payment is a group of its own; a plan's installments share one.
  const groups = new Map<string, PaymentOption[]>();
  pp.paymentOption.forEach((po, index) => {
    const key = po.isPartialPayment ? `PLAN:${po.paymentPlanId}` : `SINGLE:${index}`;
    groups.set(key, [...(groups.get(key) ?? []), po]);
  });
  const activePlan = [...groups].find(([, list]) => list.some(hasProgress))?.[0];
  const paymentOptions = [...groups].map(([key, list]) => {
    const maxDue = Math.max(...list.map((po) => po.dueDate));
    const forceInvalid = ppInvalid || (activePlan !== undefined && activePlan !== key);
    const [status, statusReason] = groupStatus(list, ppInvalid, forceInvalid, now);
    const validities = list.map((po) => po.validityDate).filter((v): v is number => v !== undefined);
    return {
      description: list.map((po) => po.paymentOptionDescription).find((d) => d !== undefined && d.trim() !== '') ?? null,
      numberOfInstallments: list.length,
      amount: list.reduce((sum, po) => sum + po.amount, 0),
      dueDate: date(maxDue),
      validFrom: date(validities.length ? Math.min(...validities) : undefined),
      status,
      statusReason,
      allCCP: list.every((po) => po.transfer.every((t) => t.postalIban !== undefined && t.postalIban.trim() !== '')),
      installments: [...list].sort(byDueDate((po) => po.dueDate)).map((po) => {
        const [installment, reason] = installmentStatus(po, ppInvalid, forceInvalid, now);
        return {
          nav: po.nav,
          iuv: po.iuv,
          amount: po.amount,
          description: po.description,
          dueDate: date(po.dueDate),
          validFrom: date(po.validityDate),
          status: installment,
          statusReason: reason,
        };
      }),
      maxDue,
    };
  });
  paymentOptions.sort(byDueDate((group) => group.maxDue));
  return {
    organizationFiscalCode: pp.organizationFiscalCode,
    companyName: pp.companyName,
    officeName: pp.officeName ?? null,
    paymentOptions: paymentOptions.map(({ maxDue: _maxDue, ...group }) => group),
  };
}

export const odpRoutes: FastifyPluginAsync<{ service: GpdService; clock: Clock }> = async (app, { service, clock }) => {
  app.post(ODP_PATH, async (request, reply) => {
    const now = clock.millis();
    const found = violations(request);
    if (found.length) return sendOdpError(reply, PROFILES.syntax, found.join(', '), now);
    const [ec, nav] = [param(request, 'organizationfiscalcode'), param(request, 'nav')];
    const codes = segregationCodesOf(queryParams(request).get('segregationCodes'));
    if (codes && !codes.includes(nav.slice(1, 3))) {
      const forbidden = appError('DEBT_POSITION_FORBIDDEN_ON_NAV', ec);
      return sendOdpError(reply, PROFILES.unknown, forbidden.detail, now);
    }
    try {
      return sendJson(reply, 200, verifyPaymentOptionsResponse(service.positionAsSeenNow(ec, nav), now));
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return sendOdpError(reply, PROFILES.unknown, error.detail, now);
      request.log.error(error);
      return sendOdpError(reply, PROFILES.system, '', now);
    }
  });
};
