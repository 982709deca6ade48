import type { APIRoute } from 'astro';
import { measuresJson } from '../../build-time/site/open-data.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(await measuresJson(site), null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
