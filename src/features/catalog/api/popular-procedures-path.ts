/**
 * The request behind the home screen's popular procedures. index.html preloads exactly this URL (vite.config.ts),
 * so it travels alongside the app's JavaScript instead of after it; keep it free of imports (vite.config.ts reads it).
 */
export const POPULAR_PROCEDURES_COUNT = 8;
export const POPULAR_PROCEDURES_PATH = `/api/v1/procedures?pageSize=${POPULAR_PROCEDURES_COUNT}`;
