/**
 * node scripts/cpu-profile-summary.ts DIR [--top 25]
 *
 * Where the CPU of the previews profiled by `npm run bench:dev -- --cpu-prof DIR` went: each
 * profile (one per thread: Node names them CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile) is
 * cut at the moments in DIR/marks.json (a start until its first page, each edit from its save
 * until it is shown; a profile without marks is summed whole), and each part's samples are
 * summed by who did the work — by the file of the function running (self), and by the
 * functions on the stack (inclusive).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const DIR = positionals[0];
if (!DIR) throw new Error('usage: node scripts/cpu-profile-summary.ts DIR [--top 25]');
const TOP = Number(values.top);
const ROOT = process.cwd();

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}
interface Mark {
  pid: number;
  what: string;
  at: number;
  /** Each thread's CPU seconds at that moment, by its name and id. */
  threads: Record<string, number>;
}

/** The CPU seconds each thread (by name) used from one mark to another, as /proc counted them. */
function threadTimes(from: Mark | undefined, to: Mark | undefined): Map<string, number> {
  const byName = new Map<string, number>();
  if (!to) return byName;
  for (const [thread, seconds] of Object.entries(to.threads)) {
    const name = thread.replace(/ \d+$/, '');
    byName.set(name, (byName.get(name) ?? 0) + seconds - (from?.threads[thread] ?? 0));
  }
  return byName;
}

const threadLine = (byName: Map<string, number>) =>
  byName.size
    ? `  CPU by thread (/proc): ${[...byName]
        .sort((a, b) => b[1] - a[1])
        .map(([name, s]) => `${name} ${s.toFixed(2)} s`)
        .join(', ')}; all threads ${[...byName.values()].reduce((a, b) => a + b, 0).toFixed(2)} s`
    : '';

/** Who a file belongs to: our code by its folder, a package by its name, V8's own entries as they are. */
function ownerOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const rest = path.slice(inModules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (path.startsWith('node:')) return 'node (internals)';
  const ours = path.match(/\/(src\/[^/]+(?:\/[^/.]+(?=\/))?)/);
  if (ours && path.startsWith(ROOT)) return ours[1];
  if (ours && !path.includes('/node_modules/')) return ours[1];
  return path;
}

const frameName = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '')}:${f.lineNumber + 1}`;

/** Seconds per key, largest first, as lines with their share of `total`. */
function table(title: string, sums: Map<string, number>, total: number, top = TOP): string {
  const rows = [...sums].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [`  ${title}`, ...rows.map(([key, us]) => `    ${(us / 1e6).toFixed(2).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`)].join(
    '\n',
  );
}

const isOurs = (f: CallFrame) => ownerOf(f).startsWith('src/');
const inFile = (f: CallFrame, path: string) => f.url.includes(path);
/** Chokidar's functions in Vite's bundle: the dev server's file watcher. */
const WATCHER =
  /^(_addToNodeFs|_handleFile|_handleDir|_handleRead|_watchWithNodeFs|_read|_exploreDir|_getWatchedDir|_remove|_emit|_formatEntry|filterPath|fileFilter|setFsWatchListener|createFsWatchInstance|FSWatcher\.<computed>)$/;

/**
 * What a sample was doing, from the functions on its stack: the first of these that matches.
 * Async continuations start a new stack, so a phase is known by what is on each stack itself.
 */
const PHASES: [string, (stack: CallFrame[]) => boolean][] = [
  ['garbage collection', (s) => s[0].functionName === '(garbage collector)'],
  [
    'Astro: content store written (.astro/data-store.json, devalue)',
    (s) => s.some((f) => f.functionName === 'writeToDisk' && inFile(f, 'astro/dist/content/')),
  ],
  [
    'Astro: content store read as the preview starts',
    (s) => s.some((f) => /^from(File|String|Dir)$/.test(f.functionName) && inFile(f, 'astro/dist/content/mutable-data-store')),
  ],
  [
    'Astro: content store as a module for the pages (read, JSON, devalue)',
    (s) =>
      s.some(
        (f) =>
          (f.functionName === 'handler' && inFile(f, 'vite-plugin-content-virtual-mod')) ||
          (f.functionName === 'fromModule' && inFile(f, 'astro/dist/content/data-store')),
      ),
  ],
  [
    'ours: entry checks (main thread)',
    (s) =>
      s.some((f) => inFile(f, '/src/build-time/checks/') && !inFile(f, 'screened-glob')) || s.some((f) => inFile(f, '/src/build-time/integrations/entry-')),
  ],
  ['remark/rehype rendering (Markdown to HTML)', (s) => s.some((f) => inFile(f, '@astrojs/markdown-remark') || inFile(f, '/unified/'))],
  ['Astro: content sync (glob loader, frontmatter, schema)', (s) => s.some((f) => inFile(f, 'astro/dist/content/'))],
  [
    'page render (Astro runtime and our pages)',
    (s) =>
      s.some(
        (f) =>
          inFile(f, 'astro/dist/runtime/') ||
          inFile(f, 'astro/dist/core/render') ||
          inFile(f, 'astro/dist/vite-plugin-app') ||
          inFile(f, '/src/pages/') ||
          inFile(f, '/src/layouts/'),
      ),
  ],
  ['Vite: file watcher (chokidar)', (s) => s.some((f) => WATCHER.test(f.functionName) && inFile(f, 'vite/dist/node/chunks/'))],
  [
    'Vite: site modules transformed and run (rolldown parse, SSR transform, module runner)',
    (s) => s.some((f) => inFile(f, 'vite/dist/node/') || inFile(f, 'rolldown')),
  ],
  ['Astro: config and integrations set up', (s) => s.some((f) => inFile(f, 'astro/dist/core/config') || inFile(f, 'astro/dist/integrations'))],
  ['Node: loading Astro and Vite themselves (ESM loader)', (s) => s.some((f) => f.url.startsWith('node:internal/modules'))],
  ['V8 (program), unattributed', (s) => s[0].functionName === '(program)'],
];

/** The packages of remark/rehype's syntax trees, whose functions also run on stacks of their own. */
const SYNTAX_TREES =
  /^(micromark|mdast-|hast-|hastscript|remark-|rehype-|unist-|unified|vfile|parse5|zwitch|trough|property-information|(space|comma)-separated-tokens|trim-lines|devlop|entities|ccount|character-|decode-named-character-reference|html-void-elements|web-namespaces|stringify-entities|longest-streak|markdown-table|bail|is-plain-obj|extend)/;

/** A sample none of PHASES knows, by the owner of the function running. */
function otherPhase(owner: string): string {
  if (SYNTAX_TREES.test(owner)) return 'remark/rehype rendering (Markdown to HTML)';
  if (owner.startsWith('src/')) return 'ours: other';
  if (owner === 'node (internals)' || owner === '(native)') return 'Node and native code, caller not on the stack';
  return 'other packages';
}

/**
 * The part of `profile` from `from` to `to`, by phase. On a busy machine a profile's samples count
 * the time its thread waited for a core too: `mainCpu`, the main thread's CPU time from /proc,
 * gives each phase its CPU seconds (its share of the samples times that).
 */
function summarize(profile: Profile, from: number, to: number, label: string, mainCpu?: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byPhase = new Map<string, number>();
  const oursByPhase = new Map<string, number>();
  const selfByOwner = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const oursInclusive = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let t = profile.startTime;
  let busy = 0;
  let idle = 0;
  let ours = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < from || t > to) continue;
    // A sample stands for the time until the next one.
    const us = profile.timeDeltas[i + 1] ?? 0;
    const leaf = byId.get(profile.samples[i])!;
    if (leaf.callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    busy += us;
    const stack: CallFrame[] = [];
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!.callFrame);
    const phase = PHASES.find(([, test]) => test(stack))?.[0] ?? otherPhase(ownerOf(leaf.callFrame));
    add(byPhase, phase, us);
    add(selfByOwner, ownerOf(leaf.callFrame), us);
    add(selfByFunction, frameName(leaf.callFrame), us);
    // Our code's share: the samples with one of our functions on the stack (what it called included).
    const ourFiles = new Set(
      stack.filter(isOurs).map((f) =>
        f.url
          .replace(/^file:\/\//, '')
          .replace(`${ROOT}/`, '')
          .replace(/\?.*$/, ''),
      ),
    );
    if (ourFiles.size) {
      ours += us;
      add(oursByPhase, phase, us);
      for (const file of ourFiles) add(oursInclusive, file, us);
    }
  }
  const phases = [...byPhase].sort((a, b) => b[1] - a[1]);
  const s = (us: number) => `${(us / 1e6).toFixed(2)} s`;
  const pc = (us: number) => `${((100 * us) / busy).toFixed(1)} %`;
  const cpu = (us: number) => (mainCpu === undefined ? '–' : `${((mainCpu * us) / busy).toFixed(2)} s`);
  return [
    `${label}: ${s(busy)} busy on this thread (${((to - from) / 1e6).toFixed(2)} s on the clock, ${s(idle)} idle)`,
    `  main thread's CPU (/proc): ${mainCpu === undefined ? 'not known' : `${mainCpu.toFixed(2)} s`}`,
    "  | what | samples' seconds | share | main thread's CPU | of which with our code on the stack (CPU) |",
    '  | --- | --- | --- | --- | --- |',
    ...phases.map(([phase, us]) => `  | ${phase} | ${s(us)} | ${pc(us)} | ${cpu(us)} | ${cpu(oursByPhase.get(phase) ?? 0)} |`),
    `  | **our code on the stack, in all** | ${s(ours)} | ${pc(ours)} | ${cpu(ours)} | |`,
    table('our files on the stack (inclusive)', oursInclusive, busy),
    table('self, by file owner (package, our src/ folder, V8)', selfByOwner, busy),
    table('self, by function', selfByFunction, busy),
  ].join('\n');
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.cpuprofile'));
const marks: Mark[] = existsSync(join(DIR, 'marks.json')) ? JSON.parse(readFileSync(join(DIR, 'marks.json'), 'utf8')) : [];
for (const file of files.sort()) {
  const [, , , pid, thread] = file.split('.');
  const profile: Profile = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  const own = marks.filter((m) => m.pid === Number(pid));
  console.log(`\n== ${file} (pid ${pid}, thread ${thread}), ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled`);
  const markOf = (what: string) => own.find((m) => m.what.endsWith(what));
  const parts: [string, number, number, Map<string, number>][] = [];
  const firstPage = markOf('first page');
  if (firstPage) parts.push(['start until the first page', profile.startTime, firstPage.at, threadTimes(undefined, firstPage)]);
  for (const saved of own.filter((m) => m.what.endsWith('saved'))) {
    const shown = markOf(saved.what.replace('saved', 'shown'));
    if (shown) parts.push([`${saved.what.replace(' saved', '')}, saved until shown`, saved.at, shown.at, threadTimes(saved, shown)]);
  }
  if (!parts.length) parts.push(['whole profile', profile.startTime, profile.endTime, new Map()]);
  // Node names the main thread MainThread (these profiles are the main thread's: thread 0).
  for (const [label, from, to, threads] of parts) console.log([summarize(profile, from, to, label, threads.get('MainThread')), threadLine(threads)].join('\n'));
}
