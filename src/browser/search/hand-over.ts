/**
 * How the loader hands its request for the index's manifest to the search UI, which Vite builds
 * as a module of its own with no exports: the UI dispatches this event with a function in its
 * detail, and the loader, listening, calls it with the request (synchronously, as events are
 * dispatched). So the manifest is fetched alongside the UI, not after it.
 */
export const MANIFEST_EVENT = 'report-search:manifest';
export type ManifestHandOver = (request: Promise<Response>) => void;
