import type { APIRoute } from 'astro';
import { figuresCsv } from '../../build-time/site/open-data.ts';

export const GET: APIRoute = async ({ site }) => new Response(await figuresCsv(site), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
