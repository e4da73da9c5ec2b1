// The field page's service worker (scope /field): keeps the app shell — the page and the bundle's scripts, styles
// and icons — so the page opens on a phone without a connection. The page itself sends and queues the API's
// requests (its IndexedDB outbox); API reads the page starts with are answered from here only when the network fails.
const SHELL = 'field-shell-v1';
const DATA = 'field-data-v1';
const START_DATA = ['/api/config', '/api/territory', '/api/categories', '/api/auth/me', '/api/tasks', '/api/live/position'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(['/field', '/field.webmanifest', '/favicon.svg'])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

async function networkFirst(request, cacheName) {
  try {
    const answer = await fetch(request);
    if (answer.ok) await (await caches.open(cacheName)).put(request, answer.clone());
    return answer;
  } catch (e) {
    const kept = await caches.match(request);
    if (kept) return kept;
    throw e;
  }
}

async function cacheFirst(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const answer = await fetch(request);
  if (answer.ok) await (await caches.open(SHELL)).put(request, answer.clone());
  return answer;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request, SHELL));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (START_DATA.includes(url.pathname)) event.respondWith(networkFirst(request, DATA));
});
