import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * Opens the page a deep link names, on a cold start and when the app is brought back by one (OpenApp). Renders
 * nothing; the link handling is a lazy chunk (initial bundle budget). Mount once, inside the router.
 */
export function EntryLinks() {
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;

  useEffect(() => {
    let active = true;
    let stop = () => {};
    void import('../start-entry').then(({ startEntryLinks }) => {
      if (!active) return;
      // A push, not a replace: "Quay lại" then leads to the home page.
      stop = startEntryLinks((path) => navigateRef.current(path));
    });
    return () => {
      active = false;
      stop();
    };
  }, []);
  return null;
}
