import { useEffect } from 'react';
import { SnackbarProvider, useSnackbar } from 'zmp-ui';
import './notifier.css';
import { setNotifier, type Notice } from '@/lib/notify';
import { Svg } from './icons';

// zmp-ui's own snackbar icons come from a font on a CDN that may be unreachable: ours are inline SVG, kept here
// so they load with the notifier rather than in the initial bundle.
const CHECK_CIRCLE = (
  <Svg>
    <circle cx="12" cy="12" r="9" />
    <path d="M8 12l3 3 5-6" />
  </Svg>
);
const ALERT_CIRCLE = (
  <Svg>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v6M12 16.5v.5" />
  </Svg>
);
const ICONS: Record<Notice['type'], JSX.Element> = { success: CHECK_CIRCLE, error: ALERT_CIRCLE, info: ALERT_CIRCLE };

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
