import type { ReactNode } from 'react';
import './certificate.css';

/** 2026-11-27 → 2026年11月27日, as certificates write dates. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export interface CertificateSheetProps {
  /** the document's name for assistive technology, e.g. 工人先锋号证书 */
  label: string;
  heading: string;
  certificateNo?: string | null;
  /** the name in large type (a team, a competitor) */
  name: string;
  /** the line under the name (an enterprise) */
  subtitle?: string | null;
  /** the citation paragraph */
  children: ReactNode;
  issuer: string;
  /** the date line, already worded (chineseDate) */
  dated: string;
  /** a small line under the date (a document number) */
  note?: string | null;
  /** shown across the sheet when the honour was withdrawn */
  voidText?: string | null;
}

/**
 * The printable A4 certificate shared by every assessment (Workers' Pioneer titles, skill contest
 * awards, …). Its wording stays Chinese whatever the UI's language: it is the document itself.
 * Put the page's buttons in `.gh-no-print`: in print only the sheet shows, edge to edge.
 */
export function CertificateSheet(p: CertificateSheetProps) {
  return (
    <article className="gh-certificate" aria-label={p.label}>
      <div className="gh-certificate-frame">
        {p.certificateNo && <div className="gh-certificate-no">证书编号：{p.certificateNo}</div>}
        <h1 className="gh-certificate-heading">{p.heading}</h1>
        <div className="gh-certificate-body">
          <span className="gh-certificate-team">{p.name}</span>
          {p.subtitle && <span className="gh-certificate-enterprise">{p.subtitle}</span>}
          <p style={{ textIndent: '2em', marginTop: '10mm' }}>{p.children}</p>
        </div>
        {p.voidText && <div className="gh-certificate-void">{p.voidText}</div>}
        <div className="gh-certificate-issuer">
          <div>{p.issuer}</div>
          <div>{p.dated}</div>
          {p.note && <div style={{ fontSize: '11pt', color: '#595959' }}>{p.note}</div>}
        </div>
      </div>
    </article>
  );
}
