// How a case reads in the report: the plan's tree, Italian first, the known differences shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUE, ONBOARDING_STEPS, AREAS } from '../catalogue.ts';
import { KNOWN_DIFFERENCES } from '../known-differences.ts';
import { allureMetadata } from './case-metadata.ts';

const label = (labels: Array<{ name: string; value: string }>, name: string) => labels.filter((l) => l.name === name).map((l) => l.value);

test('every case: tree onboarding step → area, Italian name, description Italian before English', () => {
  for (const entry of CATALOGUE) {
    const { name, labels, description } = allureMetadata(entry);
    assert.equal(name, `${entry.id} ${entry.title.it}`);
    assert.deepEqual(label(labels, 'parentSuite'), [ONBOARDING_STEPS[entry.onboardingStep].it]);
    assert.deepEqual(label(labels, 'suite'), [AREAS[entry.area].it]);
    assert.deepEqual(label(labels, 'obbligatorio'), [entry.mandatory ? 'Sì' : 'No']);
    const pairs: Array<[string, string]> = [
      [entry.expected.it, entry.expected.en],
      [entry.preconditions.it, entry.preconditions.en],
      [entry.steps.it[0]!, entry.steps.en[0]!],
    ];
    for (const [it, en] of pairs) assert.ok(description.indexOf(it) < description.lastIndexOf(en), `${entry.id}: Italian first`);
    assert.ok(description.includes(ONBOARDING_STEPS[entry.onboardingStep].it));
  }
});

test('a documented difference from the contract: tag, link to its source, text in the description', () => {
  assert.ok(KNOWN_DIFFERENCES.length > 0);
  for (const known of KNOWN_DIFFERENCES) {
    const entry = CATALOGUE.find((c) => c.id === known.caseId);
    assert.ok(entry, `${known.caseId} is a catalogue case`);
    const { labels, links, description } = allureMetadata(entry);
    assert.deepEqual(label(labels, 'tag'), ['differenza nota']);
    assert.ok(description.includes(known.it) && description.includes(known.source));
    if (known.source.startsWith('https://'))
      assert.deepEqual(
        links.map((l) => l.url),
        [known.source],
      );
  }
  const plain = allureMetadata(CATALOGUE.find((c) => !KNOWN_DIFFERENCES.some((k) => k.caseId === c.id))!);
  assert.deepEqual(label(plain.labels, 'tag'), []);
});
