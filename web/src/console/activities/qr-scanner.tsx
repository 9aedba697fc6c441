import { useRef } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { canScan, useQrScanner } from '../../ui/qr-scanner';

export { canScan };

/**
 * The back camera with the browser's own BarcodeDetector: every QR code it reads goes to `onCode`
 * (the same code again and again while it stays in view; the caller decides what to ignore).
 */
export function QrScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const failure = useQrScanner(video, onCode);

  if (failure) return <Alert type="warning" showIcon title={t('activities.checkin.noCamera', { reason: failure })} />;
  return (
    <figure className="gh-scanner">
      <video ref={video} muted playsInline aria-label={t('activities.checkin.scanning')} />
      <figcaption>{t('activities.checkin.scanning')}</figcaption>
    </figure>
  );
}
