import { Svg } from '@/components/icons';

export const QrIcon = () => (
  <Svg>
    <path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4z" />
    <path d="M14 14h2v2h-2zM18 14h2M14 18v2M18 18h2v2h-2z" />
  </Svg>
);
