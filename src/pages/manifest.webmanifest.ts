/**
 * The web app manifest, from the publication's settings: the name a reader's phone gives the
 * site when it is added to the home screen and read offline.
 */
import type { APIRoute } from 'astro';
import { heldName, missing } from '../build-time/site/publication-text.ts';
import { allMeasures } from '../build-time/site/report.ts';
import { publication } from '../build-time/settings/publication.ts';

export const GET: APIRoute = async () => {
  const pub = publication();
  const held = heldName(pub);
  const manifest = {
    name: missing(pub).length ? `${pub.title} · ${held}` : pub.title,
    short_name: pub.shortName ?? pub.title,
    description: `${pub.reporter}${pub.year}年关于${pub.subject}进展情况的报告${missing(pub).length ? held.replace(/^报告/, '') : ''}全文：${(await allMeasures()).length}项整改措施及其进展，可离线阅读和检索。`,
    lang: 'zh-CN',
    dir: 'ltr',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#a4262c',
    icons: [
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
    ],
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' } });
};
