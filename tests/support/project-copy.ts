/**
 * A copy of the project in a temporary folder, for tests that run the editors' commands
 * (`npm run build`, `npm run dev`) on changed entries without touching the real content/ or
 * dist/. The copy shares node_modules but keeps Astro's cache to itself.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './paths.ts';

/** A copy of the project as git sees it (tracked and new files, not ignored ones), sharing node_modules. */
export function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'acftu-project-'));
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  const files = listed.status === 0 ? listed.stdout.split('\0').filter(Boolean) : [];
  if (files.length) {
    for (const file of files) {
      if (!existsSync(join(ROOT, file))) continue; // deleted in the work tree
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(ROOT, file), join(dir, file));
    }
  } else {
    const skip = new Set(['node_modules', 'dist', '.cache', '.git', '.astro', '.scratch']);
    for (const name of readdirSync(ROOT)) if (!skip.has(name)) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/**
 * The environment an editor's shell has: without vitest's own variables (NODE_ENV=test changes
 * Astro's mode), and with the copy's own Astro cache (the shared node_modules would otherwise
 * hold one cache for every copy and for the real project).
 */
export function editorEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_CACHE_DIR: join(dir, '.astro-cache') };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) delete env[key];
  return env;
}

/** `npm run build [-- args]` in the copy. */
export function buildProject(dir: string, args: string[] = []) {
  return spawnSync(process.execPath, ['scripts/build.ts', ...args], { cwd: dir, encoding: 'utf8', timeout: 900_000, env: editorEnv(dir) });
}

/** Copies made by a test file, removed when it ends (call from afterAll). */
export function removeProjects(dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
