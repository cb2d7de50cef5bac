// What the Checkout carts API (`/checkout/ec/v1|v2/carts`, pagoPA's payment-requests service) answers to a cart
// it refuses: problem titles and details (pagopa-ecommerce-payment-requests-service: ExceptionHandler,
// BaseCartService, CartNotFoundException). The sandbox keeps its own copy on purpose.

export const CARTS = {
  /** Any formal error (bean validation, JSON binding): more than 5 notices, a notice number that is not 18 characters… */
  invalidRequestTitle: 'Request validation error',
  invalidRequest: 'The input request is invalid',
  /** 422: the same notice twice, or a notice the Node will not take (checkPosition KO). */
  invalidPaymentInfoTitle: 'Invalid payment info',
  duplicateNotices: 'Duplicate payment notice values found.',
  invalidNoticeData: 'Invalid payment notice data',
} as const;
