/** A build without a site address says so when it is done; one with an address says nothing of it. */
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import siteAddressNotice, { NO_SITE_ADDRESS } from '../../../../src/build-time/integrations/site-address-notice.ts';

function warningsOf(site: string | undefined): string[] {
  const warnings: string[] = [];
  const logger = { warn: (m: string) => warnings.push(m), info: () => {}, error: () => {}, debug: () => {} } as unknown as AstroIntegrationLogger;
  const done = siteAddressNotice(site).hooks['astro:build:done'] as (options: { logger: AstroIntegrationLogger }) => void;
  done({ logger });
  return warnings;
}

describe('the site address notice', () => {
  it('warns a build without an address, naming where to set one', () => {
    expect(warningsOf(undefined)).toEqual([NO_SITE_ADDRESS]);
    expect(NO_SITE_ADDRESS).toContain('content/publication.yaml');
    expect(NO_SITE_ADDRESS).toContain('SITE_URL');
  });

  it('says nothing when the site has an address', () => {
    expect(warningsOf('https://example.org/report/')).toEqual([]);
  });
});
