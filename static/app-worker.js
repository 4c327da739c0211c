// smacalc service worker: a go-app service-worker template (the Handler fills
// in the version and the list of files to cache).
//
// Why not go-app's default worker: it matches requests exactly, so a share
// link such as /?amount=500000&horizon=15 opened offline finds nothing in the
// cache and the installed app fails to start. Here every navigation is
// answered from the cached page whatever its query string (the app reads the
// query itself), and the cache is keyed by version so an update replaces it
// whole.
const cacheName = "smacalc-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      // cache: "no-cache" revalidates every file with the server (ETag =
      // the build's version), so an update never precaches the previous
      // version's files from the HTTP cache, and a file the page has just
      // downloaded comes back as a cheap 304 instead of a second download.
      .then((cache) =>
        cache.addAll(resourcesToCache.map((url) => new Request(url, { cache: "no-cache" })))
      )
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key !== cacheName).map((key) => caches.delete(key))
        )
      )
      // No clients.claim(): go-app's app.js reports any worker that reaches
      // "activated" while the page has a controller as an update, so claiming
      // on the first visit would offer a reload nobody needs. Every file is
      // cached at install, so the next load runs offline anyway.
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigation(request));
    return;
  }
  event.respondWith(resource(request));
});

// navigation answers a page load from the cache, ignoring the query string,
// and falls back to the app's start page (the scope) for any path the cache
// does not know; the network is used only when nothing is cached yet.
async function navigation(request) {
  const cache = await caches.open(cacheName);
  // Under a sub-path the start page is cached as "/base" (go-app's root
  // URL) while the scope is "/base/": try both.
  const scope = self.registration.scope;
  const cached =
    (await cache.match(request, { ignoreSearch: true })) ||
    (await cache.match(scope, { ignoreSearch: true })) ||
    (await cache.match(scope.replace(/\/$/, ""), { ignoreSearch: true }));
  if (cached) {
    return withoutRedirect(cached);
  }
  return fetch(request);
}

// withoutRedirect copies a response that was reached through a redirect.
// Static hosts redirect "/base" to "/base/", so the cached start page can be
// such a response, and browsers refuse one as the answer to a navigation.
async function withoutRedirect(response) {
  if (!response.redirected) {
    return response;
  }
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

async function resource(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  return fetch(request);
}
