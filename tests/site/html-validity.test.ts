/** Every built page validates with html-validate's recommended rules, with the exceptions below. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { TEST_SITE_DIR } from '../support/paths.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Mermaid's SVGs carry style attributes, and bar charts set their width as a CSS variable.
    'no-inline-style': 'off',
    // Ids made from Chinese headings (`group-资金（元）`) are valid HTML; the strict rule wants ASCII.
    'valid-id': ['error', { relaxed: true }],
    // A measure's <title> is its lead sentence, verbatim; cutting it would invent a title.
    'long-title': 'off',
    // Filter checkboxes share a name on purpose: several statuses can be ticked at once.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

describe('HTML validity', () => {
  it.each(htmlFiles(TEST_SITE_DIR).map((f) => relative(TEST_SITE_DIR, f)))('%s', async (file) => {
    const report = await validator.validateFile(join(TEST_SITE_DIR, file));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(messages).toEqual([]);
  });
});
