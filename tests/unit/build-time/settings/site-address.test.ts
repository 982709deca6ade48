/** Where the site is published: the publication's `site`, or SITE_URL and BASE_PATH for a host. */
import { describe, expect, it } from 'vitest';
import { siteAddressOf } from '../../../../src/build-time/settings/site-address.ts';

describe('siteAddressOf', () => {
  it('gives no address, and the root as base, when neither the settings nor the build name one', () => {
    expect(siteAddressOf({}, undefined)).toEqual({ base: '/' });
    expect(siteAddressOf({ SITE_URL: '' }, undefined)).toEqual({ base: '/' });
  });

  it("takes the settings' address, its path as the base", () => {
    expect(siteAddressOf({}, 'https://example.org/mingchuan/')).toEqual({ site: 'https://example.org/mingchuan/', base: '/mingchuan/' });
    expect(siteAddressOf({}, 'https://example.org')).toEqual({ site: 'https://example.org', base: '/' });
  });

  it('lets SITE_URL and BASE_PATH override the settings', () => {
    expect(siteAddressOf({ SITE_URL: 'https://host.example' }, 'https://example.org/mingchuan/')).toEqual({ site: 'https://host.example', base: '/' });
    expect(siteAddressOf({ SITE_URL: 'https://example.org', BASE_PATH: '/report/' }, undefined)).toEqual({ site: 'https://example.org', base: '/report/' });
    expect(siteAddressOf({ BASE_PATH: 'report' }, 'https://example.org/mingchuan/')).toEqual({ site: 'https://example.org/mingchuan/', base: '/report/' });
    expect(siteAddressOf({ BASE_PATH: '/report/' }, undefined)).toEqual({ base: '/report/' });
  });
});
