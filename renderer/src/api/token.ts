// Browser mode's access token. The printed address carries it in the fragment
// (`http://127.0.0.1:PORT/#token=…`), which the browser never sends to a server; the page moves
// it into sessionStorage (this tab only, kept across reloads), takes it out of the address bar,
// and sends it as a header on every API, upload and download request. Never a cookie: cookies
// are not kept apart by port, so every other server on 127.0.0.1 would receive it.

export const TOKEN_HEADER = 'x-ministry-token';
const STORAGE_KEY = 'ministry-token';

let known: string | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function loopbackToken(): string {
  const hash = window.location.hash.replace(/^#/, '');
  const params = new URLSearchParams(hash);
  const fromAddress = params.get('token');
  if (fromAddress) {
    known = fromAddress;
    storage()?.setItem(STORAGE_KEY, fromAddress);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`);
    return fromAddress;
  }
  if (known === null) known = storage()?.getItem(STORAGE_KEY) ?? '';
  return known;
}
