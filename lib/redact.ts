// One place that removes secrets from anything bound for evidence, traces or logs.
// Known secret values (subscription keys) are replaced wherever they appear; values of
// secret-named headers/fields are masked even when their value is not known in advance.

export const REDACTED = '***REDACTED***';

const SECRET_NAMES = /^(ocp-apim-subscription-key|subscription-key|authorization|x-api-key|apikey|cardnumber|pan|cvv|securitycode)$/i;

export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: Iterable<string>) {
    // Longest first, so a secret containing another is replaced whole.
    this.secrets = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  }

  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    return out;
  }

  headers(headers: Record<string, string | string[] | undefined>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      const joined = Array.isArray(value) ? value.join(', ') : value;
      out[name] = SECRET_NAMES.test(name) ? REDACTED : this.text(joined);
    }
    return out;
  }

  /** Deep copy with secret-named fields masked and known secrets replaced in every string. */
  json(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = SECRET_NAMES.test(k) && v != null ? REDACTED : this.json(v);
      return out;
    }
    return value;
  }

  /** A URL with known secrets and the `subscription-key` query parameter masked. */
  url(value: string): string {
    return this.text(value).replace(/([?&]subscription-key=)[^&#]*/gi, `$1${REDACTED}`);
  }
}
