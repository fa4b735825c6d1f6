/*
 * The web app's service worker (a template: the build writes the version and the file list). It
 * keeps the app's own files at the first visit and answers from them afterwards, so the app opens
 * and works without a network. It never fetches anything but this site's files, and never keeps
 * what the clerk opens: plans and workbooks are read in the page, not requested.
 */
const VERSION = "__VERSION__";
const FILES = ["__FILES__"];
const CACHE = `plan-tracker-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("plan-tracker-") && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) =>
        cache
          .match(request, { ignoreSearch: true })
          .then((kept) => kept || fetch(request).catch(() => cache.match("./"))),
      ),
  );
});
