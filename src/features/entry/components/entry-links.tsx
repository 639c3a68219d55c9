import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/**
 * Opens the page a deep link names, on a cold start and when the app is brought back by one (OpenApp). Renders
 * nothing; the link handling is a lazy chunk (initial bundle budget). Mount once, inside the router.
 */
export function EntryLinks() {
  const navigate = useNavigate();
  const location = useLocation();
  const latest = useRef({ navigate, path: '' });
  latest.current = { navigate, path: `${location.pathname}${location.search}` };

  useEffect(() => {
    let active = true;
    let stop = () => {};
    void import('../start-entry').then(({ startEntryLinks }) => {
      if (!active) return;
      // A push, not a replace: "Quay lại" then leads to the home page.
      stop = startEntryLinks(
        (path) => latest.current.navigate(path),
        () => latest.current.path,
      );
    });
    return () => {
      active = false;
      stop();
    };
  }, []);
  return null;
}
