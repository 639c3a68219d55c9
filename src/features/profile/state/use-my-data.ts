import { useCallback, useEffect, useState } from 'react';
import { atom, useRecoilState, useRecoilValue, useSetRecoilState } from 'recoil';
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
 * Bumped whenever what the proxy holds about the citizen changes (a consent granted or withdrawn, a phone shared).
 * The profile page may stay mounted behind a consent screen (zmp-ui keeps pages for the back animation), so it
 * loads again on this rather than on mount.
 */
const myDataVersionState = atom<number>({ key: 'profile/myDataVersion', default: 0 });

export function useMyDataChanged(): () => void {
  const setVersion = useSetRecoilState(myDataVersionState);
  return useCallback(() => setVersion((version) => version + 1), [setVersion]);
}

/** Moves whenever what the proxy holds about the citizen changes (see useMyDataChanged). */
export function useMyDataVersion(): number {
  return useRecoilValue(myDataVersionState);
}

/**
 * What the proxy holds about the signed-in citizen: profile, phone and consents, loaded together. Loads again for
 * another citizen (the demo switch) and after a change, keeping the shown data until the new answer arrives.
 */
export function useMyData(citizenId: string): MyDataResult & { reload: () => void } {
  const [result, setResult] = useState<MyDataResult>({ status: 'loading' });
  const [version, setVersion] = useRecoilState(myDataVersionState);

  useEffect(() => {
    let current = true;
    Promise.all([getMe(), listConsents()]).then(
      ([me, consents]) => current && setResult({ status: 'ready', data: { me, consents } }),
      (error: unknown) => current && setResult({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [citizenId, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), [setVersion]);
  return { ...result, reload };
}
