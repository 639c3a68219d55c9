import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '@/lib/api-client';
import { getMe } from '../api/get-me';
import { listConsents } from '../api/list-consents';
import type { ConsentStatus, Me } from '../types';

export interface MyData {
  me: Me;
  consents: ConsentStatus[];
}

export type MyDataResult =
  | { status: 'loading' }
  | { status: 'ready'; data: MyData }
  | { status: 'error'; error: ApiError };

/**
 * What the proxy holds about the signed-in citizen: profile, phone and consents, loaded together. Loads again for
 * another citizen (the demo switch) and on `reload()`, keeping the shown data until the new answer arrives.
 */
export function useMyData(citizenId: string): MyDataResult & { reload: () => void } {
  const [result, setResult] = useState<MyDataResult>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all([getMe(), listConsents()]).then(
      ([me, consents]) => current && setResult({ status: 'ready', data: { me, consents } }),
      (error: unknown) => current && setResult({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [citizenId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, reload };
}
