import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Reading QR codes with the browser's own BarcodeDetector (the Shape Detection API) and the back
 * camera, without a scanning package: shared by the console's check-in desk and the portal's card
 * check, each drawing it with its own components.
 */

/** The part of the Shape Detection API the scanner uses (not yet in TypeScript's DOM types). */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;

/** Whether this browser can read QR codes itself (Chrome on Android, Edge, Safari 17+ with the flag…). */
export const canScan = Detector !== undefined && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

/** How often a frame is looked at: often enough to feel instant, rarely enough to spare a phone's battery. */
const FRAME_INTERVAL_MS = 250;

/**
 * Runs the back camera into `video` while mounted and hands every QR code it reads to `onCode`
 * (the same code again and again while it stays in view; the caller decides what to ignore).
 * Answers why the camera could not start (refused, absent), or null.
 */
export function useQrScanner(video: RefObject<HTMLVideoElement | null>, onCode: (text: string) => void): string | null {
  const latest = useRef(onCode);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    latest.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (!Detector) return;
    const detector = new Detector({ formats: ['qr_code'] });
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const look = async () => {
      if (stopped || !video.current) return;
      try {
        const [found] = await detector.detect(video.current);
        if (found && !stopped) latest.current(found.rawValue);
      } catch {
        // A frame that is not ready yet (the video is still starting): the next one will be.
      }
      timer = window.setTimeout(look, FRAME_INTERVAL_MS);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        look();
      })
      .catch((error: Error) => !stopped && setFailure(error.message || error.name));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [video]);

  return failure;
}
