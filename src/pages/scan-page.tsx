import { useLocation } from 'react-router-dom';
import { AsyncSection } from '@/components/async-section';
import { PageLayout } from '@/components/page-layout';
import { DetailSkeleton } from '@/components/skeletons';
import { ScanScreen } from '@/features/entry/components/scan-screen';
import type { ScanProblem } from '@/features/entry/use-qr-scan';

function problemOf(state: unknown): ScanProblem | null {
  const problem = (state as { problem?: unknown } | null)?.problem;
  return problem === 'unknown' || problem === 'failed' ? problem : null;
}

/** /scan: the QR scanner, and why the last scan opened nothing (from "Quét mã QR" on the home page). */
export default function ScanPage() {
  const location = useLocation();
  return (
    <PageLayout showBack>
      <AsyncSection fallback={<DetailSkeleton />} onRetry={() => undefined}>
        <ScanScreen key={location.key} problem={problemOf(location.state)} />
      </AsyncSection>
    </PageLayout>
  );
}
