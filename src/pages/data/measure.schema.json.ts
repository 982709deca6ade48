import type { APIRoute } from 'astro';
import { measureJsonSchema } from '../../build-time/site/open-data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(measureJsonSchema(), null, 1), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
