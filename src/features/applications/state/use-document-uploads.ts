import { createContext, useCallback, useContext, useRef } from 'react';
import { atomFamily, useRecoilCallback, useSetRecoilState, type RecoilState } from 'recoil';
import { useTranslation } from 'react-i18next';
import { toApiError } from '@/lib/api-client';
import { uploadFile } from '../api/upload-file';
import { checkFileSize, checkFileType, MAX_FILE_BYTES, type FileProblem } from '../file-rules';
import { compressWithLibrary, prepareForUpload, type ImageCompressor } from '../image-compression';
import { newId } from '../new-id';
import type { PendingUpload, UploadedFile } from '../types';

/**
 * The image compressor the form uses. The real one needs a canvas; tests (jsdom has none) provide another here.
 */
export const ImageCompressorContext = createContext<ImageCompressor>(compressWithLibrary);

/**
 * Files being prepared or sent, or that failed, per upload area (a procedure's form, or an application's supplement);
 * finished ones move into that area's files (the draft, or the supplement).
 */
export const pendingUploadsState = atomFamily<PendingUpload[], string>({
  key: 'applications/pendingUploads',
  default: [],
});

/**
 * Adding, retrying and removing a document's files; each upload reports progress as it goes. `uploadsKey` names the
 * upload area; `filesState` keeps its finished uploads.
 */
export function useDocumentUploads(uploadsKey: string, filesState: RecoilState<UploadedFile[]>) {
  const { t } = useTranslation();
  const compress = useContext(ImageCompressorContext);
  const setPending = useSetRecoilState(pendingUploadsState(uploadsKey));
  const setFiles = useSetRecoilState(filesState);
  const controllers = useRef(new Map<string, AbortController>());

  const update = useCallback(
    (localId: string, patch: Partial<PendingUpload>) =>
      setPending((list) => list.map((upload) => (upload.localId === localId ? { ...upload, ...patch } : upload))),
    [setPending],
  );

  const send = useCallback(
    async (localId: string, documentCode: string, file: File) => {
      const controller = new AbortController();
      controllers.current.set(localId, controller);
      update(localId, { status: 'uploading', progress: 0, error: null });
      try {
        const result = await uploadFile(file, {
          signal: controller.signal,
          onProgress: (progress) => update(localId, { progress }),
        });
        setPending((list) => list.filter((upload) => upload.localId !== localId));
        setFiles((files) => [
          ...files,
          { localId, documentCode, uploadId: result.id, name: file.name, size: result.size, contentType: result.contentType },
        ]);
      } catch (error) {
        const apiError = toApiError(error);
        // Trying again helps after a lost connection or a server fault, not when the proxy refused the file itself.
        const retryable = apiError.status === 0 || apiError.status >= 500 || [408, 429].includes(apiError.status);
        if (!apiError.isCancelled) update(localId, { status: 'failed', error: apiError.message, retryable });
      } finally {
        controllers.current.delete(localId);
      }
    },
    [setFiles, setPending, update],
  );

  const addFiles = useCallback(
    async (documentCode: string, files: readonly File[]) => {
      for (const original of files) {
        const localId = newId();
        const base = { localId, documentCode, name: original.name, size: original.size, progress: 0, file: original };
        const problemMessage = (problem: FileProblem) =>
          t(`applications.documents.${problem}`, { limit: MAX_FILE_BYTES / 1024 / 1024 });
        const badType = checkFileType(original);
        if (badType) {
          setPending((list) => [...list, { ...base, status: 'failed', error: problemMessage(badType), retryable: false }]);
          continue;
        }
        setPending((list) => [...list, { ...base, status: 'preparing', error: null, retryable: false }]);
        const prepared = await prepareForUpload(original, compress);
        const tooLarge = checkFileSize(prepared);
        update(localId, {
          file: prepared,
          name: prepared.name,
          size: prepared.size,
          ...(tooLarge ? { status: 'failed', error: problemMessage(tooLarge) } : {}),
        });
        if (tooLarge) continue;
        await send(localId, documentCode, prepared);
      }
    },
    [compress, send, setPending, t, update],
  );

  const retry = useRecoilCallback(
    ({ snapshot }) =>
      async (localId: string) => {
        const upload = (await snapshot.getPromise(pendingUploadsState(uploadsKey))).find(
          (entry) => entry.localId === localId,
        );
        if (upload) await send(localId, upload.documentCode, upload.file);
      },
    [uploadsKey, send],
  );

  const remove = useCallback(
    (localId: string) => {
      controllers.current.get(localId)?.abort();
      setPending((list) => list.filter((upload) => upload.localId !== localId));
      setFiles((files) => files.filter((file) => file.localId !== localId));
    },
    [setFiles, setPending],
  );

  return { addFiles, retry, remove };
}
