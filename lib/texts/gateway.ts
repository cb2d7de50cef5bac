// What the API gateway (Azure API Management, pagoPA's policies) answers before any service:
// `{"statusCode": N, "message": "..."}` (reference notes gpd-api.md §1). The sandbox keeps its own copy on purpose.

export const GATEWAY = {
  /** 401: no Ocp-Apim-Subscription-Key. */
  missingKey: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
  /** 401: a key the gateway does not know. */
  invalidKey: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
  /** 403: the key's subscription is not bound to the organization in the path. */
  notAllowed: 'You are not allowed to access this resource.',
  /** 429: the rate-limit policy, with the seconds also given in Retry-After. */
  rateLimited: (seconds: number) => `Rate limit is exceeded. Try again in ${seconds} seconds.`,
} as const;
