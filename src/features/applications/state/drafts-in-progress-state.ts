import { selectorFamily } from 'recoil';
import type { ApplicationDraft } from '../types';
import { readDraftsInProgress } from './draft-state';

/** The drafts on the phone with something typed or uploaded, read again on each visit (key: the page visit). */
export const draftsInProgressState = selectorFamily<ApplicationDraft[], number>({
  key: 'applications/draftsInProgress',
  get: () => () => readDraftsInProgress(),
  cachePolicy_UNSTABLE: { eviction: 'most-recent' },
});
