import { useNavigate } from 'react-router-dom';
import { ChevronIcon } from '@/components/icons';
import { useEntryDictionary } from '../i18n/use-entry-dictionary';
import { useQrScan } from '../use-qr-scan';
import { QrIcon } from './qr-icon';
import './entry.css';

/**
 * "Quét mã QR" on the home page: opens Zalo's scanner at once; a code that is not ours, or a scanner that does not
 * open, leads to the scanner page (/scan), which says so and offers to scan again. A lazy chunk of the home page.
 */
export default function QrScanButton() {
  const { t } = useEntryDictionary();
  const navigate = useNavigate();
  const { scan, busy } = useQrScan((problem) => navigate('/scan', { state: { problem } }));
  return (
    <button type="button" className="card-link card-link--standalone scan-link" onClick={scan} aria-busy={busy}>
      <QrIcon />
      <span className="card-body">
        <span className="card-title">{t('entry.scan.button')}</span>
        <span className="card-meta">{busy ? t('entry.scan.busy') : t('entry.scan.hint')}</span>
      </span>
      <ChevronIcon />
    </button>
  );
}
