// Which GPD debt-position API versions a case exercises, and why a case of a version the EC does not
// implement (GPD_API_VERSIONS) is not run: the evidence plan shows the skip reason as the note of a
// "Non eseguito" case, so it reads "Non applicabile: …".
import type { GpdApiVersion } from '../config.ts';
import { NOT_APPLICABLE } from '../evidence/execution.ts';

/** The skip reason of a case of `version` when the EC implements only `implemented`; undefined when it applies. */
export function notApplicableReason(version: GpdApiVersion, implemented: readonly GpdApiVersion[]): string | undefined {
  if (implemented.includes(version)) return undefined;
  return `${NOT_APPLICABLE}: l'EC non usa l'API GPD ${version} (GPD_API_VERSIONS=${implemented.join(',')}) / Not applicable: the EC does not use the GPD API ${version}.`;
}
