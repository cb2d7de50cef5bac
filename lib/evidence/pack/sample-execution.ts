// Synthetic `Execution` objects for the evidence-pack tests: every outcome, steps 2/6/8/9, a known
// difference, a case not run with its reason, request ids, a `|` and a newline inside a note.
import type { Area, OnboardingStep } from '../../catalogue.ts';
import { OUTCOME_OF, type CaseExecution, type Execution, type Verdict } from '../execution.ts';

export const FINGERPRINT_GPD = 'sha256:3f1c9a0b7e2d4c6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f';
export const FINGERPRINT_RECEIPTS = 'sha256:aa11bb22cc33dd44ee55ff6677889900aabbccddeeff00112233445566778899';

function kase(
  id: string,
  area: Area,
  onboardingStep: OnboardingStep,
  verdict: Verdict,
  extra: Partial<CaseExecution> & { start?: string; durationMs?: number } = {},
): CaseExecution {
  const ran = verdict !== 'not-run';
  const start = extra.start ?? (ran ? '2026-07-01T10:00:00.000Z' : undefined);
  const durationMs = extra.durationMs ?? (ran ? 1234 : undefined);
  const end = start && durationMs !== undefined ? new Date(Date.parse(start) + durationMs).toISOString() : undefined;
  return {
    id,
    onboardingStep,
    area,
    mandatory: true,
    title: { it: `Titolo del caso ${id}`, en: `Title of case ${id}` },
    preconditions: { it: 'Chiave GPD configurata; posizione debitoria di prova.', en: 'GPD key configured; test debt position.' },
    steps: { it: ['Invia la richiesta', 'Verifica la risposta'], en: ['Send the request', 'Check the answer'] },
    expected: { it: 'Risposta 201 conforme allo schema.', en: '201 answer matching the schema.' },
    outcome: OUTCOME_OF[verdict],
    verdict,
    ...(start ? { start, end, durationMs } : {}),
    requestIds: ran ? [`req-${id}-1`, `req-${id}-2`] : [],
    ...(ran ? { reportLink: `report.html#${id}` } : {}),
    ...extra,
  };
}

/** Eight cases across steps 2, 6, 8 and 9 with all four outcomes. Overall: Non superato (GPD-CRE-02, PAY-01, RIC-01). */
export function sampleExecution(overrides: { owner?: string } = {}): Execution {
  const cases: CaseExecution[] = [
    kase('ACC-01', 'ACC', 2, 'passed', { durationMs: 210 }),
    kase('ACC-02', 'ACC', 2, 'passed', { start: '2026-01-15T10:00:00.000Z', durationMs: 1500 }),
    kase('GPD-CRE-01', 'GPD-CRE', 6, 'passed', {
      knownDifference: { it: 'La risposta non riporta il campo iupd', en: 'The answer lacks iupd', source: 'openapi gpd v1' },
    }),
    kase('GPD-CRE-02', 'GPD-CRE', 6, 'nonconformance', { note: 'Atteso 201 | ottenuto 400\nbody: {"title":"Bad Request"}', durationMs: 65_500 }),
    kase('BLK-01', 'BLK', 6, 'not-run', { mandatory: false, note: 'Non eseguito: chiave di caricamento massivo non configurata' }),
    kase('PAY-01', 'PAY', 8, 'environment', { note: 'Timeout di Checkout dopo 3 tentativi (503)' }),
    kase('PAY-02', 'PAY', 8, 'suite-defect', {
      mandatory: false,
      note: "Errore della suite, non della piattaforma: TypeError: cannot read properties of undefined (reading 'iuv')",
    }),
    kase('RIC-01', 'RIC', 9, 'not-run', { note: 'Non eseguito: il pagamento PAY-01 non è riuscito' }),
  ];
  return executionOf(cases, overrides.owner ?? 'Mario Rossi <mario.rossi@example.it>');
}

/** `n` cases (for page-count tests), their verdicts cycling through `verdicts` by blocks of ten: by default, 5/8 passed and 1/8 of each other outcome. */
export function largeExecution(
  n = 80,
  verdicts: Verdict[] = ['passed', 'nonconformance', 'passed', 'environment', 'passed', 'not-run', 'passed', 'passed'],
): Execution {
  const areas: [Area, OnboardingStep][] = [
    ['ACC', 2],
    ['GPD-CRE', 6],
    ['GPD-PUB', 6],
    ['GPD-UPD', 6],
    ['GPD-DEL', 6],
    ['GPD-INV', 6],
    ['GPD-GET', 6],
    ['BLK', 6],
    ['PAY', 8],
    ['RIC', 9],
  ];
  const cases = Array.from({ length: n }, (_, i) => {
    const [area, step] = areas[i % areas.length]!;
    const verdict = verdicts[Math.floor(i / areas.length) % verdicts.length]!;
    return kase(`${area}-${String(i + 1).padStart(2, '0')}`, area, step, verdict, {
      note:
        verdict === 'passed'
          ? undefined
          : `Nota del caso ${i + 1}: risposta inattesa del servizio, dettagli nel report con gli identificativi delle richieste.`,
    });
  });
  return executionOf(cases, 'Responsabile di prova');
}

function executionOf(cases: CaseExecution[], owner: string): Execution {
  const mandatoryNotPassed = cases.filter((c) => c.mandatory && c.outcome !== 'Superato').map((c) => c.id);
  return {
    format: 'pagopa-async-conformance/esecuzione@1',
    generatedAt: '2026-07-01T10:30:00.000Z',
    startedAt: '2026-07-01T10:00:00.000Z',
    durationMs: 95_000,
    environment: {
      runId: 'run-2026-07-01-abc123',
      target: 'uat',
      apiBaseUrl: 'https://api.uat.platform.pagopa.it',
      checkoutUrl: 'https://uat.checkout.pagopa.it',
      ecFiscalCode: '77777777777',
      brokerCode: '15376371009',
      stationId: '77777777777_01',
      segregationCode: '47',
      suiteVersion: '0.1.0',
      playwrightVersion: '1.65.1',
      nodeVersion: 'v20.20.2',
      keyFingerprints: { gpd: FINGERPRINT_GPD, receipts: FINGERPRINT_RECEIPTS },
      owner,
    },
    verdict: { outcome: mandatoryNotPassed.length === 0 ? 'Superato' : 'Non superato', mandatoryNotPassed },
    cases,
  };
}

/** The sample with every case passed (overall Superato). */
export function passingExecution(): Execution {
  const execution = sampleExecution();
  const cases = execution.cases.map((c) => ({ ...kase(c.id, c.area, c.onboardingStep, 'passed'), mandatory: c.mandatory }));
  return executionOf(cases, execution.environment.owner);
}
