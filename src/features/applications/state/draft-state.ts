import { atomFamily } from 'recoil';
import { readSetting, removeSetting, writeSetting } from '@/lib/storage';
import type { ApplicationDraft } from '../types';

export function draftStorageKey(procedureCode: string): string {
  return `application-draft:${procedureCode}`;
}

export function emptyDraft(procedureCode: string): ApplicationDraft {
  return {
    version: 1,
    procedureCode,
    office: null,
    answers: {},
    communeNames: {},
    files: [],
    step: 0,
    submission: null,
    updatedAt: null,
  };
}

function parseDraft(procedureCode: string, stored: string | null): ApplicationDraft {
  if (!stored) return emptyDraft(procedureCode);
  try {
    const draft = JSON.parse(stored) as ApplicationDraft;
    // A draft from another version of the app or another procedure is not trusted: start again.
    if (draft?.version !== 1 || draft.procedureCode !== procedureCode) return emptyDraft(procedureCode);
    return { ...emptyDraft(procedureCode), ...draft };
  } catch {
    return emptyDraft(procedureCode);
  }
}

/** True when the citizen has typed, chosen or uploaded something. */
export function hasProgress(draft: ApplicationDraft): boolean {
  return draft.updatedAt !== null && (Object.keys(draft.answers).length > 0 || draft.files.length > 0 || draft.office !== null);
}

/**
 * One draft per procedure, kept on the phone (lib/storage.ts: Zalo nativeStorage, localStorage fallback) and saved
 * on every change, so closing Zalo or losing signal loses nothing. Reading it suspends the form until it is loaded.
 */
export const draftState = atomFamily<ApplicationDraft, string>({
  key: 'applications/draft',
  default: emptyDraft,
  effects: (procedureCode) => [
    ({ setSelf, onSet, trigger }) => {
      const key = draftStorageKey(procedureCode);
      if (trigger === 'get') setSelf(readSetting(key).then((stored) => parseDraft(procedureCode, stored)));
      onSet((draft, _previous, isReset) => {
        void (isReset ? removeSetting(key) : writeSetting(key, JSON.stringify(draft)));
      });
    },
  ],
});
