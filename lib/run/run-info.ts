// The run's environment as the evidence shows it: target, EC, intermediary, station, versions and a
// fingerprint of each configured key (never a key). Written by the runner when the run starts, read
// by `npm run evidence` afterwards: a sandbox run's keys exist only during the run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { keyFingerprint, type SuiteConfig } from '../config.ts';
import type { RunEnvironment } from '../evidence/execution.ts';

const versionOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;

export function runEnvironment(config: SuiteConfig, env: Record<string, string | undefined> = process.env): RunEnvironment {
  const keyFingerprints: Record<string, string> = {};
  for (const [product, key] of Object.entries(config.keys)) if (key) keyFingerprints[product] = keyFingerprint(key);
  return {
    runId: config.runId,
    target: config.target,
    apiBaseUrl: config.apiBaseUrl,
    checkoutUrl: config.checkout.url,
    ecFiscalCode: config.ecFiscalCode,
    brokerCode: config.brokerCode,
    stationId: config.stationId,
    segregationCode: config.segregationCode,
    suiteVersion: versionOf('package.json'),
    playwrightVersion: versionOf('node_modules/@playwright/test/package.json'),
    nodeVersion: process.version,
    keyFingerprints,
    owner: env.EVIDENCE_OWNER?.trim() ?? '',
    gpdApiVersions: [...config.gpdApiVersions],
    // The RT cases' endpoint, without its query (it could carry a token).
    ...(config.rt.endpointUrl ? { rtEndpoint: `${new URL(config.rt.endpointUrl).origin}${new URL(config.rt.endpointUrl).pathname}` } : {}),
  };
}

export function writeRunInfo(file: string, environment: RunEnvironment): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(environment, null, 2));
}

export function readRunInfo(file: string): RunEnvironment {
  return JSON.parse(readFileSync(file, 'utf8')) as RunEnvironment;
}

/** The same facts as Allure's environment block (key → value), in the order a reviewer reads them. */
export function environmentBlock(environment: RunEnvironment): Record<string, string> {
  return {
    ambiente: environment.target,
    api_base_url: environment.apiBaseUrl,
    checkout_url: environment.checkoutUrl,
    ente_creditore: environment.ecFiscalCode,
    intermediario: environment.brokerCode,
    stazione: environment.stationId,
    codice_segregazione: environment.segregationCode,
    ...(environment.gpdApiVersions ? { versioni_api_gpd: environment.gpdApiVersions.join(',') } : {}),
    ...Object.fromEntries(Object.entries(environment.keyFingerprints).map(([product, fp]) => [`chiave_${product}`, fp])),
    id_esecuzione: environment.runId,
    versione_suite: environment.suiteVersion,
    versione_playwright: environment.playwrightVersion,
    versione_node: environment.nodeVersion,
    ...(environment.rtEndpoint ? { endpoint_ricevute_ec: environment.rtEndpoint } : {}),
  };
}
