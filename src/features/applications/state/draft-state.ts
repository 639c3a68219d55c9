import { atomFamily, DefaultValue, selectorFamily } from 'recoil';
import { readSetting, removeSetting, writeSetting } from '@/lib/storage';
import type { ApplicationDraft, UploadedFile } from '../types';

/** The procedure codes that have a draft on the phone: storage cannot list its keys (Zalo nativeStorage). */
export const DRAFT_INDEX_KEY = 'application-drafts';

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

async function readDraftIndex(): Promise<string[]> {
  try {
    const codes = JSON.parse((await readSetting(DRAFT_INDEX_KEY)) ?? '[]') as unknown;
    return Array.isArray(codes) ? codes.filter((code): code is string => typeof code === 'string') : [];
  } catch {
    return [];
  }
}

// One index update at a time, so two drafts saved together do not overwrite each other's entry.
let indexQueue: Promise<void> = Promise.resolve();

function updateDraftIndex(procedureCode: string, present: boolean): Promise<void> {
  indexQueue = indexQueue.then(async () => {
    const codes = await readDraftIndex();
    if (codes.includes(procedureCode) === present) return;
    const next = present ? [...codes, procedureCode] : codes.filter((code) => code !== procedureCode);
    await writeSetting(DRAFT_INDEX_KEY, JSON.stringify(next));
  });
  return indexQueue;
}

/** Every draft on the phone the citizen has typed something into, most recently changed first. */
export async function readDraftsInProgress(): Promise<ApplicationDraft[]> {
  await indexQueue;
  const codes = await readDraftIndex();
  const drafts = await Promise.all(codes.map(async (code) => parseDraft(code, await readSetting(draftStorageKey(code)))));
  return drafts
    .filter(hasProgress)
    .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
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
        void updateDraftIndex(procedureCode, !isReset && hasProgress(draft));
      });
    },
  ],
});

/** The files of a draft, for the document uploads: a change counts as a change to the draft. */
export const draftFilesState = selectorFamily<UploadedFile[], string>({
  key: 'applications/draftFiles',
  get:
    (procedureCode) =>
    ({ get }) =>
      get(draftState(procedureCode)).files,
  set:
    (procedureCode) =>
    ({ set }, files) =>
      set(draftState(procedureCode), (draft) =>
        files instanceof DefaultValue ? draft : { ...draft, files, updatedAt: new Date().toISOString() },
      ),
});
