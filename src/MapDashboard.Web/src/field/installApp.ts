/**
 * Makes /field installable and able to open without a connection: its web app manifest, and the service worker
 * (public/field-sw.js) that keeps the app shell. Both only for this page: the wall and the desks stay plain pages.
 */
export function installApp(): void {
  if (!document.querySelector('link[rel="manifest"]')) {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'manifest', href: '/field.webmanifest' }));
    document.head.append(Object.assign(document.createElement('meta'), { name: 'theme-color', content: '#1971c2' }));
  }
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/field-sw.js', { scope: '/field' })
      .catch((e: unknown) => console.warn(`service worker: ${e instanceof Error ? e.message : String(e)}`));
  }
}
