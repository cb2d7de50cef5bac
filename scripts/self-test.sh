#!/usr/bin/env bash
# The project's own tests, in one command (`npm test`): typecheck, lint, unit and sandbox tests,
# the whole suite on the sandbox with canary keys and a canary card, the Allure report, the evidence
# pack read back, and a scan
# proving the canaries reached none of the outputs. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
step() { printf '\n=== %s\n' "$*"; }
fail() { echo "FAILED: $*"; status=1; }

# A run in progress in this folder would lose its outputs to the clean-up below.
npx tsx -e "import { lockHolder, RunInProgressError } from './lib/run/run-lock.ts'; const h = lockHolder(); if (h) { console.error(new RunInProgressError(h).message); process.exit(2); }" || exit 2
rm -rf reports test-results playwright-report
mkdir -p reports

step 'typecheck (tsc --noEmit)'
npx tsc --noEmit || fail typecheck

step 'lint (eslint)'
npx eslint . || fail lint

step 'unit and sandbox tests (node --test)'
node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=reports/unit.tap \
  $(find lib sandbox examples -name '*.test.ts' | sort) || fail 'unit tests'

step 'bench at the small size (npm run bench -- --size small: it works; no target is asserted)'
node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=reports/bench.tap scripts/bench/bench.test.ts || fail 'bench'

# Canary secrets: the suite runs with these keys; none may appear in any output afterwards.
canary_gpd=$(node -e "process.stdout.write(require('node:crypto').randomBytes(16).toString('hex'))")
canary_internal=$(node -e "process.stdout.write(require('node:crypto').randomBytes(16).toString('hex'))")
canary_receipts=$(node -e "process.stdout.write(require('node:crypto').randomBytes(16).toString('hex'))")
canary_fdr=$(node -e "process.stdout.write(require('node:crypto').randomBytes(16).toString('hex'))")
canary_biz=$(node -e "process.stdout.write(require('node:crypto').randomBytes(16).toString('hex'))")
# A canary card: a random Luhn-valid VISA number and CVV, to prove no output shows the card.
read -r canary_card canary_cvv < <(npx tsx scripts/canary-card.ts)

step 'conformance suite on the sandbox (playwright test, every trace kept)'
TARGET=sandbox TRACE_MODE=on GPD_SUBSCRIPTION_KEY=$canary_gpd GPD_RECEIPTS_SUBSCRIPTION_KEY=$canary_receipts FDR_SUBSCRIPTION_KEY=$canary_fdr BIZ_SUBSCRIPTION_KEY=$canary_biz \
  SANDBOX_INTERNAL_KEY=$canary_internal CHECKOUT_CARD_NUMBER=$canary_card CHECKOUT_CARD_CVV=$canary_cvv \
  npx playwright test || fail 'playwright suite'

step 'Allure report (npm run report)'
npm run --silent report || fail 'allure report'

step 'evidence pack (npm run evidence) and its read-back'
EVIDENCE_OWNER='Responsabile del piano (self-test)' npm run --silent evidence || fail 'evidence pack'
TRACE_MODE=on node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=reports/evidence-pack.tap scripts/evidence-pack.test.ts || fail 'evidence pack read-back'

step 'the same run in 2 shards, merged into one pack (npm run shards -- 2)'
TARGET=sandbox TRACE_MODE=on GPD_SUBSCRIPTION_KEY=$canary_gpd GPD_RECEIPTS_SUBSCRIPTION_KEY=$canary_receipts FDR_SUBSCRIPTION_KEY=$canary_fdr BIZ_SUBSCRIPTION_KEY=$canary_biz \
  SANDBOX_INTERNAL_KEY=$canary_internal CHECKOUT_CARD_NUMBER=$canary_card CHECKOUT_CARD_CVV=$canary_cvv \
  REPORTS_DIR=reports/sharded npm run --silent shards -- 2 > reports/shards.log 2>&1 || { tail -40 reports/shards.log; fail 'sharded run'; }
node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=reports/shards.tap scripts/shards.test.ts || fail 'sharded run: merged outcomes'

step 'secret scan of every output'
SECRET_CANARIES="$canary_gpd,$canary_receipts,$canary_fdr,$canary_biz,$canary_internal,$canary_card" CARD_CVV_CANARY=$canary_cvv node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=reports/secret-scan.tap scripts/secret-scan.test.ts || fail 'secret scan'

step 'summary'
npx tsx scripts/summarize.ts reports/unit.tap reports/bench.tap reports/playwright-results.json reports/evidence-pack.tap reports/sharded/playwright-results.json reports/shards.tap reports/secret-scan.tap || status=1
exit $status
