// The sandbox's pages escape text as the proxy's own pages do: one escape function for both.
export { escapeHtml } from '@lao-cai-so/domain/html';
