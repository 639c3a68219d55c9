import { useEffect } from 'react';
import { SnackbarProvider, useSnackbar } from 'zmp-ui';
import './notifier.css';
import { setNotifier } from '@/lib/notify';

function SnackbarBridge() {
  const { openSnackbar } = useSnackbar();
  // icon: false because zmp-ui's icons come from a font on a CDN that may be unreachable.
  useEffect(() => setNotifier((notice) => openSnackbar({ ...notice, icon: false, duration: 3000 })), [openSnackbar]);
  return null;
}

/**
 * zmp-ui's SnackbarProvider with the bridge from lib/notify. Loaded lazily beside the pages (not around them),
 * so its ~5 KB gzip stay out of the initial bundle and never delay the first render.
 */
export default function Notifier() {
  return (
    <SnackbarProvider>
      <SnackbarBridge />
    </SnackbarProvider>
  );
}
