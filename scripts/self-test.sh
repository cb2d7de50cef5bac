#!/usr/bin/env bash
# The project's own tests, in one command (`npm test`): typecheck, lint, unit and sandbox tests,
# the whole suite on the sandbox with canary keys, the Allure report, and a scan proving the
# canary keys reached none of the outputs. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
step() { printf '\n=== %s\n' "$*"; }
fail() { echo "FAILED: $*"; status=1; }

rm -rf reports test-results playwright-report
mkdir -p reports

step 'typecheck (tsc --noEmit)'
npx tsc --noEmit || fail typecheck

step 'lint (eslint)'
npx eslint . || fail lint

step 'unit and sandbox tests (node --test)'
node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=reports/unit.tap \
  $(find lib sandbox -name '*.test.ts' | sort) || fail 'unit tests'

# Canary secrets: the suite runs with these keys; none may appear in any output afterwards.
canary_gpd=$(node -e "process.stdout.write(require('node:crypto').randomBytes(16).toString('hex'))")
canary_internal=$(node -e "process.stdout.write(require('node:crypto').randomBytes(16).toString('hex'))")
canary_receipts=$(node -e "process.stdout.write(require('node:crypto').randomBytes(16).toString('hex'))")

step 'conformance suite on the sandbox (playwright test)'
TARGET=sandbox GPD_SUBSCRIPTION_KEY=$canary_gpd GPD_RECEIPTS_SUBSCRIPTION_KEY=$canary_receipts SANDBOX_INTERNAL_KEY=$canary_internal npx playwright test --trace on || fail 'playwright suite'

step 'Allure report (npm run report)'
npm run --silent report || fail 'allure report'

step 'secret scan of every output'
SECRET_CANARIES="$canary_gpd,$canary_receipts,$canary_internal" node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=reports/secret-scan.tap scripts/secret-scan.test.ts || fail 'secret scan'

step 'summary'
npx tsx scripts/summarize.ts reports/unit.tap reports/playwright-results.json reports/secret-scan.tap || status=1
exit $status
