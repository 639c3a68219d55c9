import { useRecoilValue, type RecoilState } from 'recoil';
import { documentSectionId } from '../control-ids';
import { formatFileSize } from '../file-rules';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { pendingUploadsState, useDocumentUploads } from '../state/use-document-uploads';
import type { ApplicationProcedure, UploadedFile } from '../types';

// The picker takes photos and PDFs; the camera button opens the camera directly where the phone supports it.
const PICK_ACCEPT = 'image/*,application/pdf';
const CAMERA_ACCEPT = 'image/*';

interface DocumentUploadsProps {
  /** The documents to upload (a procedure's, or those an office asked for). */
  documents: ApplicationProcedure['documents'];
  /** Names the upload area: its files in progress are kept under it (see pendingUploadsState). */
  uploadsKey: string;
  /** Where finished uploads go (the draft's files, or a supplement's). */
  filesState: RecoilState<UploadedFile[]>;
  /** A message per document code. */
  errors: Record<string, string>;
}

/** The documents: for each, take a photo or pick files, watch them upload, retry or remove them. */
export function DocumentUploads({ documents, uploadsKey, filesState, errors }: DocumentUploadsProps) {
  const { t } = useApplicationsDictionary();
  const files = useRecoilValue(filesState);
  const pending = useRecoilValue(pendingUploadsState(uploadsKey));
  const { addFiles, retry, remove } = useDocumentUploads(uploadsKey, filesState);

  return (
    <div className="documents">
      <p className="muted">{t('applications.documents.lead')}</p>
      {documents.map((document) => {
        const sectionId = documentSectionId(document.code);
        const uploaded = files.filter((file) => file.documentCode === document.code);
        const inProgress = pending.filter((upload) => upload.documentCode === document.code);
        const error = errors[document.code];
        const onFiles = (files: FileList | null) => {
          if (files && files.length > 0) void addFiles(document.code, Array.from(files));
        };
        return (
          <section
            key={document.code}
            id={sectionId}
            tabIndex={-1}
            className={`document-upload${error ? ' field--invalid' : ''}`}
            aria-labelledby={`${sectionId}-name`}
            aria-describedby={error ? `${sectionId}-error` : undefined}
          >
            <h3 id={`${sectionId}-name`} className="document-name">
              {document.name}
            </h3>
            <p className="field-requirement">
              {document.required ? t('applications.required') : t('applications.optional')}
            </p>
            {document.note && <p className="field-help">{document.note}</p>}

            {(uploaded.length > 0 || inProgress.length > 0) && (
              <ul className="upload-list">
                {uploaded.map((file) => (
                  <li key={file.localId} className="upload">
                    <span className="upload-name">{file.name}</span>
                    <span className="muted">
                      {formatFileSize(file.size)} · {t('applications.documents.uploaded')}
                    </span>
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t('applications.documents.removeLabel', { name: file.name })}
                      onClick={() => remove(file.localId)}
                    >
                      {t('applications.documents.remove')}
                    </button>
                  </li>
                ))}
                {inProgress.map((upload) => (
                  <li key={upload.localId} className="upload">
                    <span className="upload-name">{upload.name}</span>
                    {upload.status === 'preparing' && <span className="muted">{t('applications.documents.preparing')}</span>}
                    {upload.status === 'uploading' && (
                      <>
                        <progress
                          max={100}
                          value={Math.round(upload.progress * 100)}
                          aria-label={t('applications.documents.progress', { name: upload.name })}
                        />
                        <span className="muted">
                          {t('applications.documents.uploading', { percent: Math.round(upload.progress * 100) })}
                        </span>
                      </>
                    )}
                    {upload.status === 'failed' && (
                      <>
                        <span className="field-error" role="alert">
                          {upload.error}
                        </span>
                        {upload.retryable && (
                          <button
                            type="button"
                            className="button button--secondary"
                            aria-label={t('applications.documents.retryLabel', { name: upload.name })}
                            onClick={() => void retry(upload.localId)}
                          >
                            {t('applications.documents.retry')}
                          </button>
                        )}
                      </>
                    )}
                    {upload.status !== 'preparing' && (
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={t('applications.documents.removeLabel', { name: upload.name })}
                        onClick={() => remove(upload.localId)}
                      >
                        {t('applications.documents.remove')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}

            <div className="upload-actions">
              <label className="button button--secondary file-button">
                <input
                  type="file"
                  className="visually-hidden"
                  accept={CAMERA_ACCEPT}
                  capture="environment"
                  onChange={(event) => {
                    onFiles(event.target.files);
                    event.target.value = '';
                  }}
                />
                {t('applications.documents.camera')}
                <span className="visually-hidden"> — {document.name}</span>
              </label>
              <label className="button button--secondary file-button">
                <input
                  type="file"
                  className="visually-hidden"
                  accept={PICK_ACCEPT}
                  multiple
                  onChange={(event) => {
                    onFiles(event.target.files);
                    event.target.value = '';
                  }}
                />
                {t('applications.documents.pick')}
                <span className="visually-hidden"> — {document.name}</span>
              </label>
            </div>
            {error && (
              <p id={`${sectionId}-error`} className="field-error">
                {error}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
