// How a catalogue case reads in the Allure report: Italian name, the tree onboarding step → area →
// case (parentSuite → suite), the labels a reviewer filters on, and a description with expected
// result, preconditions, steps and onboarding step, Italian first and English second.
import { AREAS, ONBOARDING_STEPS, type TestCase } from '../catalogue.ts';
import { knownDifferenceOf } from '../known-differences.ts';

export interface AllureCaseMetadata {
  name: string;
  labels: Array<{ name: string; value: string }>;
  links: Array<{ url: string; name: string; type: string }>;
  description: string;
}

/** Labels that carry the plan's facts; the evidence tool reads them back from the results. */
export const LABEL = { caseId: 'caseId', step: 'onboardingStep', mandatory: 'obbligatorio', verdict: 'esito' } as const;

export const yesNo = (value: boolean) => (value ? 'Sì' : 'No');

export function caseName(entry: TestCase): string {
  return `${entry.id} ${entry.title.it}`;
}

export function allureMetadata(entry: TestCase): AllureCaseMetadata {
  const step = ONBOARDING_STEPS[entry.onboardingStep];
  const area = AREAS[entry.area];
  const known = knownDifferenceOf(entry.id);
  const labels = [
    { name: 'parentSuite', value: step.it },
    { name: 'suite', value: area.it },
    { name: 'epic', value: step.it },
    { name: 'feature', value: area.it },
    { name: 'story', value: caseName(entry) },
    { name: LABEL.caseId, value: entry.id },
    { name: LABEL.step, value: String(entry.onboardingStep) },
    { name: LABEL.mandatory, value: yesNo(entry.mandatory) },
    { name: 'severity', value: entry.severity },
    ...(known ? [{ name: 'tag', value: 'differenza nota' }] : []),
  ];
  const links =
    known && /^https?:\/\//.test(known.source) ? [{ url: known.source, name: `Differenza nota / Known difference (${entry.id})`, type: 'issue' }] : [];
  const numbered = (steps: string[]) => steps.map((text, i) => `${i + 1}. ${text}`).join('\n');
  const description = [
    `**${entry.title.it}** — _${entry.title.en}_`,
    `### Esito atteso / Expected result\n${entry.expected.it}\n\n_${entry.expected.en}_`,
    `### Precondizioni / Preconditions\n${entry.preconditions.it}\n\n_${entry.preconditions.en}_`,
    `### Passi / Steps\n${numbered(entry.steps.it)}\n\n_Steps:_\n\n${numbered(entry.steps.en)}`,
    `### Passo onboarding / Onboarding step\n${step.it}${area.activity ? ` (attività 6${area.activity})` : ''} — _${step.en}_\n\n` +
      `**Obbligatorio / Mandatory:** ${yesNo(entry.mandatory)} / ${entry.mandatory ? 'Yes' : 'No'}`,
    ...(known
      ? [`### Differenza nota rispetto al contratto / Known difference from the contract\n${known.it}\n\n_${known.en}_\n\nFonte / Source: ${known.source}`]
      : []),
  ];
  return { name: caseName(entry), labels, links, description: description.join('\n\n') };
}
