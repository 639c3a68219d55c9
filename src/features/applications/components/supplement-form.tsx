import { useState, type FormEvent } from 'react';
import { useRecoilState, useRecoilValue } from 'recoil';
import { toApiError } from '@/lib/api-client';
import { sendSupplement, type SupplementInput } from '../api/send-supplement';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { newId } from '../new-id';
import { supplementFilesState, supplementSentState, supplementSubmissionState } from '../state/supplement-state';
import { pendingUploadsState } from '../state/use-document-uploads';
import type { SupplementRequest } from '../types';
import { DocumentUploads } from './document-uploads';

interface SupplementFormProps {
  applicationId: string;
  request: SupplementRequest;
  /** The proxy already has documents sent for this request (e.g. from before the page was reopened). */
  alreadySent: boolean;
  /** Called once the proxy accepted the documents, to show the application as it is now. */
  onSent: () => void;
  refreshing: boolean;
}

/** Upload each document the office asked for, then "Gửi bổ sung"; a retry re-sends with the same Idempotency-Key. */
export function SupplementForm({ applicationId, request, alreadySent, onSent, refreshing }: SupplementFormProps) {
  const { t } = useApplicationsDictionary();
  const key = `${applicationId}:${request.requestId}`;
  const uploadsKey = `supplement:${key}`;
  const files = useRecoilValue(supplementFilesState(key));
  const pending = useRecoilValue(pendingUploadsState(uploadsKey));
  const [submission, setSubmission] = useRecoilState(supplementSubmissionState(key));
  const [sent, setSent] = useRecoilState(supplementSentState(key));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The officer's list has names only; each gets a code of its own for the upload sections.
  const documents = request.documents.map((document, index) => ({
    code: `supplement-${index}`,
    name: document.name,
    required: true,
    note: null,
  }));

  if (sent || alreadySent) {
    return (
      <div className="supplement-sent" role="status">
        <p>{t('applications.detail.supplement.sent')}</p>
        <button type="button" className="button button--secondary" onClick={onSent} disabled={refreshing}>
          {t('applications.detail.refresh')}
        </button>
      </div>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const missing = Object.fromEntries(
      documents
        .filter((document) => !files.some((file) => file.documentCode === document.code))
        .map((document) => [document.code, t('applications.detail.supplement.missingFile')]),
    );
    setErrors(missing);
    if (pending.length > 0) {
      setFailure(t('applications.documents.waitForUploads'));
      return;
    }
    if (Object.keys(missing).length > 0) {
      document.getElementById(`document-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    const input: SupplementInput = {
      attachments: documents.flatMap((document) =>
        files
          .filter((file) => file.documentCode === document.code)
          .map((file) => ({ documentName: document.name, uploadId: file.uploadId })),
      ),
    };
    const body = JSON.stringify(input);
    // A retry of the same documents keeps the key (the proxy answers as the first time); other documents get a new one.
    const idempotencyKey = submission?.body === body ? submission.idempotencyKey : newId();
    setSubmission({ idempotencyKey, body });
    setBusy(true);
    try {
      await sendSupplement(applicationId, input, idempotencyKey);
      setSent(true);
      onSent();
    } catch (error) {
      const apiError = toApiError(error);
      setFailure(apiError.message);
      // The office no longer waits for these documents (it moved on, or they were sent already): show where it is now.
      if (apiError.code === 'SUPPLEMENT_NOT_REQUESTED' || apiError.code === 'SUPPLEMENT_ALREADY_SENT') onSent();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="supplement-form">
      <DocumentUploads
        documents={documents}
        uploadsKey={uploadsKey}
        filesState={supplementFilesState(key)}
        errors={errors}
      />
      {failure && (
        <p className="error-summary" role="alert">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('applications.detail.supplement.sending') : t('applications.detail.supplement.send')}
        </button>
      </div>
    </form>
  );
}
