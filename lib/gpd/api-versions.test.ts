import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notApplicableReason } from './api-versions.ts';

test('a case of a GPD API version the EC does not implement is not applicable, and says which setting decides it', () => {
  assert.equal(notApplicableReason('v3', ['v1', 'v3']), undefined);
  assert.equal(notApplicableReason('v1', ['v1']), undefined);
  assert.equal(
    notApplicableReason('v3', ['v1']),
    "Non applicabile: l'EC non usa l'API GPD v3 (GPD_API_VERSIONS=v1) / Not applicable: the EC does not use the GPD API v3.",
  );
  assert.match(notApplicableReason('v1', ['v3'])!, /^Non applicabile: .*GPD_API_VERSIONS=v3/);
});
