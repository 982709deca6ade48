/**
 * npm run test:mutations [-- --only ID,ID] [--list] [--check] [--keep] [--timeout-min N]
 *
 * Does the suite catch the bugs it is there to catch? Puts each deliberate bug of
 * scripts/mutations.ts into a copy of the project (never this working tree), runs the part of
 * the suite the mutation names there, and reports which bugs no test noticed (survivors).
 *
 * - First a baseline: the same tests on the unchanged copy. A test failing there (a flake, or a
 *   bug of its own) is listed and counts for no mutation; a run that cannot start at all stops
 *   the check (exit 2).
 * - A mutation whose text is no longer in its file (the code has moved) is reported as not
 *   applicable, not as caught: update its text in scripts/mutations.ts.
 * - A run that fails before any test (a mutation that breaks the build) counts as caught, and
 *   says so; one that outlasts --timeout-min (20) counts as caught by a timeout. A test that only
 *   ran out of its time limit catches nothing (the machine may be busy): a mutation with no other
 *   failure is undecided, to be run again.
 *
 * --list prints the mutations; --check only checks that each applies; --keep leaves the copy.
 * Writes .cache/mutations/report.md and report.json, and each run's output in logs/. Exit 1 when a mutation survived or did not
 * apply. Takes a while: every mutation that names a site test builds the copy (about a minute).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { copyProject, editorEnv } from '../tests/support/project-copy.ts';
import { ROOT } from '../tests/support/paths.ts';
import { MUTATIONS, type Edit, type Mutation } from './mutations.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    list: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'timeout-min': { type: 'string', default: '20' },
  },
});

const chosen = values.only ? MUTATIONS.filter((m) => values.only!.split(',').includes(m.id)) : MUTATIONS;
if (values.only && chosen.length !== values.only.split(',').length) {
  const known = new Set(MUTATIONS.map((m) => m.id));
  console.error(
    `No such mutation: ${values.only
      .split(',')
      .filter((id) => !known.has(id))
      .join(', ')}`,
  );
  process.exit(2);
}
if (values.list) {
  for (const m of chosen)
    console.log(`${m.id.padEnd(32)} ${m.issue ? '[issue 22] ' : ''}${m.bug}\n${''.padEnd(33)}${m.edits.map((e) => e.file).join(', ')} → ${m.tests.join(' ')}`);
  process.exit(0);
}

type Outcome = 'caught' | 'survived' | 'undecided' | 'not applicable';
interface Result {
  mutation: Mutation;
  outcome: Outcome;
  /** What caught it, or why it did not apply. */
  detail: string;
  seconds: number;
}

/** Why an edit cannot be made to the copy, or undefined when it can. */
function notApplicable(dir: string, edit: Edit): string | undefined {
  const path = join(dir, edit.file);
  if (!existsSync(path)) return `${edit.file} no longer exists`;
  const count = readFileSync(path, 'utf8').split(edit.search).length - 1;
  if (count === 0) return `${edit.file} no longer holds ${JSON.stringify(edit.search.trim().slice(0, 60))} (the code has moved)`;
  if (count > 1) return `${edit.file} holds ${JSON.stringify(edit.search.trim().slice(0, 60))} ${count} times; the mutation must name one place`;
  return undefined;
}

interface Run {
  code: number | null;
  timedOut: boolean;
  /** Tests that failed on an assertion or an error. */
  failed: string[];
  /** Tests that only ran out of time. */
  timedOutTests: string[];
  output: string;
}

/** vitest on the given tests in the copy, with its JSON report read back for the failed tests' names. */
function runTests(dir: string, tests: string[]): Promise<Run> {
  const report = join(dir, '.cache', `mutation-run-${Date.now()}.json`);
  mkdirSync(join(dir, '.cache'), { recursive: true });
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(dir, 'node_modules/vitest/vitest.mjs'), 'run', ...tests, '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`],
      {
        cwd: dir,
        env: editorEnv(dir),
        detached: true,
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, Number(values['timeout-min']) * 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const failed: string[] = [];
      const timedOutTests: string[] = [];
      try {
        const json = JSON.parse(readFileSync(report, 'utf8')) as {
          testResults: { name: string; assertionResults: { status: string; fullName: string; failureMessages: string[] }[] }[];
        };
        for (const file of json.testResults) {
          for (const a of file.assertionResults.filter((x) => x.status === 'failed')) {
            const name = `${file.name.slice(dir.length + 1)} › ${a.fullName}`;
            // A test that ran out of time says nothing about the mutation: the machine may be busy.
            (a.failureMessages.every((m) => /Test timed out in \d+ms/.test(m)) ? timedOutTests : failed).push(name);
          }
        }
      } catch {
        // No report: the run failed before the tests (set-up or build).
      }
      rmSync(report, { force: true });
      resolve({ code, timedOut, failed, timedOutTests, output });
    });
  });
}

/** Writes the report of the mutations run so far (after each one, so a long run's results survive an interruption). */
function writeReport(results: Result[]): { summary: string } {
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  const summary = `${results.length} mutations: ${count('caught')} caught, ${count('survived')} survived, ${count('undecided')} undecided (only timeouts), ${count('not applicable')} not applicable.`;
  const issueLeft = results.filter((r) => r.mutation.issue && r.outcome !== 'caught');
  const lines = [
    '# Mutation check',
    '',
    summary,
    issueLeft.length ? `Of issue 22's behaviours, not caught: ${issueLeft.map((r) => r.mutation.id).join(', ')}.` : 'Every behaviour issue 22 names is caught.',
    '',
    '| mutation | bug | outcome | detail | s |',
    '| --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.mutation.id}${r.mutation.issue ? ' (issue 22)' : ''} | ${r.mutation.bug} | ${r.outcome} | ${r.detail.replace(/\|/g, '\\|')} | ${r.seconds} |`,
    ),
  ];
  writeFileSync(join(out, 'report.md'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(out, 'report.json'),
    JSON.stringify(
      results.map((r) => ({ id: r.mutation.id, issue: Boolean(r.mutation.issue), outcome: r.outcome, detail: r.detail, seconds: r.seconds })),
      null,
      1,
    ),
  );
  return { summary };
}

const lastLines = (text: string, n: number) => text.trimEnd().split('\n').slice(-n).join('\n');

/** Tests that fail on the unchanged copy. */
let baselineFailed = new Set<string>();
const out = join(ROOT, '.cache', 'mutations');
const logs = join(out, 'logs');

async function main() {
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  const dir = copyProject();
  console.log(`Copy of the project: ${dir}`);
  const results: Result[] = [];
  try {
    const applicable = chosen.filter((m) => m.edits.every((e) => !notApplicable(dir, e)));
    if (values.check) {
      for (const m of chosen) {
        const why = m.edits.map((e) => notApplicable(dir, e)).filter(Boolean);
        console.log(`${why.length ? 'NOT APPLICABLE' : 'applies       '}  ${m.id}${why.length ? `: ${why.join('; ')}` : ''}`);
      }
      process.exitCode = applicable.length === chosen.length ? 0 : 1;
      return;
    }

    const allTests = [...new Set(applicable.flatMap((m) => m.tests))];
    console.log(`Baseline: ${allTests.join(' ')} on the unchanged copy…`);
    const started = performance.now();
    const baseline = await runTests(dir, allTests);
    writeFileSync(join(logs, 'baseline.log'), baseline.output);
    if (baseline.code !== 0 && !baseline.failed.length && !baseline.timedOutTests.length) {
      console.error(`The suite cannot run on the unchanged copy, so no mutation can be judged:\n${lastLines(baseline.output, 30)}`);
      process.exitCode = 2;
      return;
    }
    // A test that fails without any mutation (a flake, or a bug of its own) proves nothing when
    // it fails with one: only the others count.
    baselineFailed = new Set([...baseline.failed, ...baseline.timedOutTests]);
    if (baselineFailed.size)
      console.log(
        `The unchanged copy fails ${baselineFailed.size} test(s), which count for no mutation (see ${join(logs, 'baseline.log')}):\n  ${[...baselineFailed].join('\n  ')}`,
      );
    console.log(`Baseline done in ${Math.round((performance.now() - started) / 1000)} s.\n`);

    for (const [i, mutation] of chosen.entries()) {
      const label = `[${i + 1}/${chosen.length}] ${mutation.id}`;
      const why = mutation.edits.map((e) => notApplicable(dir, e)).filter((w): w is string => Boolean(w));
      if (why.length) {
        results.push({ mutation, outcome: 'not applicable', detail: why.join('; '), seconds: 0 });
        console.log(`${label}: NOT APPLICABLE — ${why.join('; ')}`);
        continue;
      }
      const originals = new Map<string, string>();
      for (const edit of mutation.edits) {
        const path = join(dir, edit.file);
        const text = originals.get(path) ?? readFileSync(path, 'utf8');
        if (!originals.has(path)) originals.set(path, text);
        writeFileSync(
          path,
          readFileSync(path, 'utf8').replace(edit.search, () => edit.replace),
        );
      }
      const t0 = performance.now();
      const run = await runTests(dir, mutation.tests);
      for (const [path, text] of originals) writeFileSync(path, text);
      writeFileSync(join(logs, `${mutation.id}.log`), run.output);
      const seconds = Math.round((performance.now() - t0) / 1000);
      const failed = run.failed.filter((name) => !baselineFailed.has(name));
      let result: Result;
      if (run.timedOut) result = { mutation, outcome: 'caught', detail: `timed out after ${values['timeout-min']} min`, seconds };
      else if (failed.length) result = { mutation, outcome: 'caught', detail: `${failed.length} failed, e.g. ${failed.slice(0, 2).join('; ')}`, seconds };
      else if (run.code !== 0 && !run.failed.length && !run.timedOutTests.length)
        result = {
          mutation,
          outcome: 'caught',
          detail: `the run failed before any test: ${lastLines(run.output, 3).replace(/\s+/g, ' ').slice(0, 300)}`,
          seconds,
        };
      else if (run.timedOutTests.some((name) => !baselineFailed.has(name)))
        result = {
          mutation,
          outcome: 'undecided',
          detail: `no test failed, but some ran out of time (a busy machine?): ${run.timedOutTests.slice(0, 2).join('; ')}; run it again with --only ${mutation.id}`,
          seconds,
        };
      else
        result = {
          mutation,
          outcome: 'survived',
          detail: `no test failed in ${mutation.tests.join(' ')}${run.failed.length ? ' but those failing unchanged' : ''}`,
          seconds,
        };
      results.push(result);
      console.log(`${label}: ${result.outcome.toUpperCase()} (${seconds} s) — ${result.detail}`);
      writeReport(results);
    }
  } finally {
    if (values.keep) console.log(`Kept the copy: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  if (!results.length) return;

  const { summary } = writeReport(results);
  console.log(`\n${summary}`);
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  for (const r of results.filter((x) => x.outcome !== 'caught'))
    console.log(`  ${r.outcome}: ${r.mutation.id} — ${r.mutation.bug} (${r.mutation.edits.map((e) => e.file).join(', ')})`);
  console.log(`Report: ${join(out, 'report.md')}`);
  process.exitCode = count('caught') === results.length ? 0 : 1;
}

await main();
