// The citizen's session with the proxy (src/README.md, "Session"). Module state on purpose: the mini app has exactly
// one citizen at a time.
import { toApiError } from '@/lib/api-client';
import { setSessionKeeper } from '@/lib/http-client';
import { readSetting, removeSetting, writeSetting } from '@/lib/storage';
import { getAccessToken, ZaloError } from '@/lib/zalo';
import { createSession } from '@/api/create-session';

/** Why the citizen is signed out; the profile page says it in words. */
export type SignedOutReason =
  | 'zalo-refused'
  | 'zalo-unavailable'
  | 'network'
  | 'rejected'
  | 'expired'
  | 'deleted';

export type SessionState =
  | { status: 'signing-in' }
  | { status: 'signed-in'; citizenId: string; token: string; expiresAt: number }
  | { status: 'signed-out'; reason: SignedOutReason };

interface StoredSession {
  citizenId: string;
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const SESSION_SETTING = 'session';
/** A token this close to its expiry is renewed before use, so a request never reaches the proxy just too late. */
const EXPIRY_MARGIN_MS = 60_000;

let state: SessionState = { status: 'signing-in' };
/** The session being established (restored or signed in); every caller waits for the same one. */
let pending: Promise<string | null> | null = null;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export function getSessionState(): SessionState {
  return state;
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isFresh(session: StoredSession): boolean {
  return session.expiresAt - Date.now() > EXPIRY_MARGIN_MS;
}

function parseStored(value: string | null): StoredSession | null {
  try {
    const parsed = JSON.parse(value ?? '') as Partial<StoredSession>;
    if (typeof parsed.token === 'string' && typeof parsed.citizenId === 'string' && typeof parsed.expiresAt === 'number') {
      return parsed as StoredSession;
    }
  } catch {
    // nothing usable stored
  }
  return null;
}

function reasonOf(error: unknown): SignedOutReason {
  if (error instanceof ZaloError) return error.refused ? 'zalo-refused' : 'zalo-unavailable';
  const apiError = toApiError(error);
  if (apiError.code === 'ZALO_UNAVAILABLE') return 'zalo-unavailable';
  if (apiError.status === 0 || apiError.status >= 500) return 'network';
  return 'rejected';
}

/** Forgets the session here (memory and storage); the proxy's token simply expires. */
export async function endSession(reason: SignedOutReason): Promise<void> {
  pending = null;
  setState({ status: 'signed-out', reason });
  await removeSetting(SESSION_SETTING);
}

function track(work: Promise<string | null>): Promise<string | null> {
  const tracked = work.finally(() => {
    if (pending === tracked) pending = null;
  });
  pending = tracked;
  return tracked;
}

async function exchangeZaloToken(): Promise<string | null> {
  try {
    const session = await createSession(await getAccessToken());
    const stored: StoredSession = {
      citizenId: session.citizen.id,
      token: session.token,
      expiresAt: Date.parse(session.expiresAt),
    };
    await writeSetting(SESSION_SETTING, JSON.stringify(stored));
    setState({ status: 'signed-in', ...stored });
    return stored.token;
  } catch (error) {
    await endSession(reasonOf(error));
    return null;
  }
}

/**
 * Signs in with a new Zalo access token. `quietly` keeps the current state on screen meanwhile (a renewal, or a
 * refresh after the profile consent so the proxy reads the name from Zalo); otherwise the page shows "signing in".
 */
export function signIn({ quietly = false }: { quietly?: boolean } = {}): Promise<string | null> {
  if (pending) return pending;
  if (!quietly) setState({ status: 'signing-in' });
  return track(exchangeZaloToken());
}

/** At start, after the first render: the stored session if it is still valid, else a silent sign-in. */
export function startSession(): Promise<string | null> {
  if (pending) return pending;
  setState({ status: 'signing-in' });
  return track(
    readSetting(SESSION_SETTING).then((value) => {
      const stored = parseStored(value);
      if (stored && isFresh(stored)) {
        setState({ status: 'signed-in', ...stored });
        return stored.token;
      }
      return exchangeZaloToken();
    }),
  );
}

setSessionKeeper({
  async currentToken() {
    if (pending) return pending;
    if (state.status !== 'signed-in') return null;
    if (isFresh(state)) return state.token;
    return signIn({ quietly: true });
  },
  async renew(refusedToken) {
    if (pending) return pending;
    // Another request has renewed the session since this one was sent.
    if (state.status === 'signed-in' && state.token !== refusedToken) return state.token;
    return signIn({ quietly: true });
  },
  endRefusedSession() {
    void endSession('expired');
  },
});
