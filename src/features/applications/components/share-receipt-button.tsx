import { useState } from 'react';
import { notify } from '@/lib/notify';
import { openShareSheet } from '@/lib/zalo';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';

/** "Chia sẻ": the receipt as a short text through Zalo's share sheet (or the browser's, or the clipboard). */
export function ShareReceiptButton({ text }: { text: string }) {
  const { t } = useApplicationsDictionary();
  const [busy, setBusy] = useState(false);

  const share = async () => {
    setBusy(true);
    try {
      const outcome = await openShareSheet({ text, title: t('applications.receipt.shareTitle') });
      if (outcome === 'copied') notify({ type: 'success', text: t('applications.receipt.copied') });
    } catch {
      notify({ type: 'error', text: t('applications.receipt.shareFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" className="button button--secondary" onClick={share} disabled={busy}>
      {t('applications.receipt.share')}
    </button>
  );
}
