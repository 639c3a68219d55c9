import { atomFamily } from 'recoil';
import type { UploadedFile } from '../types';

// Keyed by "<application id>:<request id>": a new request from the office starts afresh.

/** The files uploaded for a supplement request, while the page is open. */
export const supplementFilesState = atomFamily<UploadedFile[], string>({
  key: 'applications/supplementFiles',
  default: [],
});

/** The last attempt to send it: the same body is re-sent with the same key, so the proxy sends it only once. */
export const supplementSubmissionState = atomFamily<{ idempotencyKey: string; body: string } | null, string>({
  key: 'applications/supplementSubmission',
  default: null,
});

/** The proxy accepted it (202); the office has not answered yet. */
export const supplementSentState = atomFamily<boolean, string>({
  key: 'applications/supplementSent',
  default: false,
});
