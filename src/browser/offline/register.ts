/**
 * Offline reading: registers the service worker (src/build-time/integrations/service-worker.ts) once the page has
 * loaded, and when a new edition of the site has been fetched in the background, shows the notice
 * of src/components/OfflineSupport.astro and lets the reader switch to it. Everything here is
 * optional: without JavaScript or service workers the site works online.
 */
const notice = document.querySelector<HTMLElement>('[data-update-notice]');
const url = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href;
if ('serviceWorker' in navigator && notice && url) {
  const sw = new URL('sw.js', url).href;
  let accepted = false;
  const offer = (worker: ServiceWorker) => {
    notice.hidden = false;
    notice.querySelector('button')!.addEventListener('click', () => {
      accepted = true;
      worker.postMessage('activate-new-edition');
    });
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => accepted && location.reload());
  // A worker that finishes installing while this page is controlled is a new edition.
  const track = (worker: ServiceWorker | null) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
    });
  addEventListener('load', async () => {
    const registration = await navigator.serviceWorker.register(sw, { scope: new URL('./', sw).pathname });
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    // The browser may already be installing the new edition it found while loading this page.
    track(registration.installing);
    registration.addEventListener('updatefound', () => track(registration.installing));
  });
}

// A module, not a global script: its names stay its own.
export {};
