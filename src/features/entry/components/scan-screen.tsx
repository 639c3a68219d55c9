import { useState } from 'react';
import { useEntryDictionary } from '../i18n/use-entry-dictionary';
import { useQrScan, type ScanProblem } from '../use-qr-scan';
import { QrIcon } from './qr-icon';
import './entry.css';

/** The scanner page: what can be scanned, why the last code did not open anything, and "Quét lại". */
export function ScanScreen({ problem: initialProblem }: { problem: ScanProblem | null }) {
  const { t } = useEntryDictionary();
  const [problem, setProblem] = useState<ScanProblem | null>(initialProblem);
  const { scan, busy } = useQrScan(setProblem);
  return (
    <>
      <h1 className="page-title">{t('entry.scan.title')}</h1>
      {problem && (
        <div className="state-box scan-problem" role="alert">
          <p className="state-title">{t(problem === 'unknown' ? 'entry.scan.unknownTitle' : 'entry.scan.failedTitle')}</p>
          <p>{t(problem === 'unknown' ? 'entry.scan.unknownBody' : 'entry.scan.failedBody')}</p>
        </div>
      )}
      <p className="details-lead">{t('entry.scan.lead')}</p>
      <p className="scan-action">
        <button
          type="button"
          className="button button--primary button--large"
          onClick={() => {
            setProblem(null);
            void scan();
          }}
          aria-busy={busy}
        >
          <QrIcon />
          {busy ? t('entry.scan.busy') : problem ? t('entry.scan.again') : t('entry.scan.button')}
        </button>
      </p>
    </>
  );
}
