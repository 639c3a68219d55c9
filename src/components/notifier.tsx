import { useEffect } from 'react';
import { SnackbarProvider, useSnackbar } from 'zmp-ui';
import './notifier.css';
import { setNotifier, type Notice } from '@/lib/notify';
import { AlertCircleIcon, CheckCircleIcon } from './icons';

// zmp-ui's own snackbar icons come from a font on a CDN that may be unreachable: ours are inline SVG.
const ICONS: Record<Notice['type'], JSX.Element> = {
  success: <CheckCircleIcon />,
  error: <AlertCircleIcon />,
  info: <AlertCircleIcon />,
};

function SnackbarBridge() {
  const { openSnackbar } = useSnackbar();
  useEffect(
    () =>
      setNotifier((notice) =>
        openSnackbar({ text: notice.text, type: 'default', prefixIcon: ICONS[notice.type], duration: 3000 }),
      ),
    [openSnackbar],
  );
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
