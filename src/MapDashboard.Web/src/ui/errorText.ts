import { ApiError } from '../api';
import { lang, t, tFill, type StringKey } from '../i18n';

/**
 * What went wrong, as a sentence in the reader's language — never an exception's text ("Cannot read
 * properties of null…") nor the server's English detail in the Chinese interface. `special` words the
 * statuses a flow knows better (a suggestion's 404 is an unknown grid or worker). English readers also get
 * the server's detail of a refusal, which names the problem. The raw error goes to the console for support.
 */
export function errorText(e: unknown, special: Partial<Record<number, StringKey>> = {}): string {
  console.warn(e);
  if (!(e instanceof ApiError)) return isNetworkFailure(e) ? t('errNetwork') : t('errUnexpected');
  const key = special[e.status];
  if (key) return t(key);
  if (e.status >= 500) return e.traceId ? tFill('errServer', { id: e.traceId }) : t('errServerNoId');
  const sentence = t(({ 400: 'errBadRequest', 401: 'errSignIn', 403: 'errForbidden', 404: 'errNotFound', 409: 'errConflict',
    413: 'errTooLarge', 422: 'errBadRequest', 429: 'errTooMany' } as Record<number, StringKey>)[e.status] ?? 'errBadRequest');
  return lang() === 'en' && e.detail ? `${sentence} (${e.detail})` : sentence;
}

// fetch() rejects with a TypeError whose message each browser words its own way when the server is unreachable.
const isNetworkFailure = (e: unknown) =>
  e instanceof TypeError && /failed to fetch|networkerror|load failed|network request failed/i.test(e.message);
