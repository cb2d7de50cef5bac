// The production guard: no URL setting may point at pagoPA production, in any spelling of its host.
// Hosts are compared in their WHATWG-normal form (lower case, IDNA-mapped, percent-decoded) with the
// trailing dots of a fully qualified name removed; under the platform's domain only the known UAT
// hosts are allowed, so a new or differently spelled production host is refused by default.

/** pagoPA's domain: production, UAT and every other environment live under it. */
const PLATFORM_DOMAIN = 'pagopa.it';
/** The hosts of pagoPA's UAT (collaudo) environment the suite talks to. */
export const UAT_HOSTS: readonly string[] = ['api.uat.platform.pagopa.it', 'uat.checkout.pagopa.it'];

export type GuardVerdict = { ok: true; url: string } | { ok: false; problem: string };

/** Lower case, IDNA-mapped and percent-decoded by the URL parser; trailing dots of an FQDN removed. */
export function normalHost(url: URL): string {
  return url.hostname.replace(/\.+$/, '');
}

/**
 * Checks one URL setting; on success returns it in normal form (no trailing dot or slash), which is
 * the form every client must use, so that what was checked is what is connected to.
 */
export function guardUrl(name: string, value: string, example: string): GuardVerdict {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: `${name}=${JSON.stringify(value)} is invalid: expected an absolute URL such as ${example}.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: `${name} is invalid: expected an http(s) URL such as ${example}.` };
  }
  if (url.username || url.password) {
    return { ok: false, problem: `${name} must not carry a user name or password (the value is not shown): expected a URL such as ${example}.` };
  }
  const host = normalHost(url);
  const underPlatform = host === PLATFORM_DOMAIN || host.endsWith(`.${PLATFORM_DOMAIN}`);
  if (underPlatform && !UAT_HOSTS.includes(host)) {
    return {
      ok: false,
      problem:
        `${name} points at the pagoPA PRODUCTION host ${host} (under ${PLATFORM_DOMAIN} only the UAT hosts ` +
        `${UAT_HOSTS.join(', ')} are allowed): this suite never runs against production. Use ${example}.`,
    };
  }
  url.hostname = host;
  return { ok: true, url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}
