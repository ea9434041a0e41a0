#!/usr/bin/env node
// The closing line of CI from vitest's JSON report: `tests: N passed, M failed, K skipped`
// (it starts with `tests: N passed, M failed` as it always has). Exit 1 when anything failed.
//   node .ci/summary.mjs REPORT.json TEST_STATUS [EXTRA_FAILED]
// A run is not green when:
// - vitest exited non-zero with no failed test (an unhandled error, no tests): 1 failed;
// - an interview end-to-end suite (test/e2e/*.tmux.test.ts) was skipped or did not run at all
//   (tmux missing): each such suite counts as 1 failed, and a line says which and why;
// - EXTRA_FAILED checks outside vitest failed (npm audit): they are added.
import { readFileSync } from 'node:fs';

const [reportPath, statusText = '0', extraText = '0'] = process.argv.slice(2);
const E2E_SUITES = /(^|\/)test\/e2e\/[^/]+\.tmux\.test\.ts$/;

let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch {
  report = undefined;
}
const extra = Number(extraText) || 0;
if (report === undefined) {
  console.log(`tests: 0 passed, ${1 + extra} failed, 0 skipped`);
  process.exit(1);
}

let failed = report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);

const e2e = (report.testResults ?? []).filter((f) => E2E_SUITES.test(String(f.name).replaceAll('\\', '/')));
if (e2e.length === 0) {
  console.log('the interview end-to-end suites (test/e2e/*.tmux.test.ts) did not run: counted as 1 failed');
  failed += 1;
}
for (const suite of e2e) {
  const ran = (suite.assertionResults ?? []).filter((a) => a.status === 'passed' || a.status === 'failed').length;
  if (ran === 0) {
    const name = String(suite.name).replaceAll('\\', '/').replace(/^.*?(test\/e2e\/)/, '$1');
    console.log(`${name} was skipped (is tmux installed? see test/e2e/tmux.ts): counted as 1 failed`);
    failed += 1;
  }
}
failed += extra;
if (statusText !== '0' && failed === 0) failed = 1;
console.log(`tests: ${report.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
