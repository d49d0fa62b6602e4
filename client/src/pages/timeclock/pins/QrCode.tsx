import { useMemo } from 'react';
import { QUIET_ZONE, qrMatrix, qrPath } from '../../../timeclock/qr-matrix';

/**
 * A QR code as an inline SVG element (dark modules on white, with its quiet zone), sized by its container.
 * data-qr-size lets a test read the module count.
 */
export function QrCode({ value, label, className, testId }: { value: string; label: string; className?: string; testId?: string }) {
  const { path, size } = useMemo(() => {
    const matrix = qrMatrix(value);
    return { path: qrPath(matrix), size: matrix.size };
  }, [value]);
  const box = size + 2 * QUIET_ZONE;
  return (
    <svg
      className={className ? `qr-code ${className}` : 'qr-code'}
      viewBox={`0 0 ${box} ${box}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid={testId}
      data-qr-size={size}
    >
      <rect width={box} height={box} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
