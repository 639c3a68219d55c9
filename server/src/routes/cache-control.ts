/** The catalogue changes a few times a year, by seed; five minutes of caching keeps a re-seed visible soon. */
export const CATALOG_CACHE_CONTROL = 'public, max-age=300';
