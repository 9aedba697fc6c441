import type { ReactNode } from 'react';

/** Line icons for the portal, drawn here rather than pulling in an icon package for a dozen glyphs. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {children}
    </svg>
  );
}

export const icons = {
  home: (
    <Icon>
      <path d="M3 11l9-7 9 7" />
      <path d="M5 10v10h14V10" />
      <path d="M10 20v-6h4v6" />
    </Icon>
  ),
  user: (
    <Icon>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4 3.6-7 8-7s8 3 8 7" />
    </Icon>
  ),
  join: (
    <Icon>
      <circle cx="10" cy="8" r="4" />
      <path d="M3 21c0-4 3-7 7-7 1.5 0 2.8.4 3.9 1" />
      <path d="M18 14v6M15 17h6" />
    </Icon>
  ),
  card: (
    <Icon>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3 10h18M7 15h4" />
    </Icon>
  ),
  activity: (
    <Icon>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M8 3v4M16 3v4M3 11h18" />
    </Icon>
  ),
  rights: (
    <Icon>
      <path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z" />
      <path d="M9 12l2 2 4-4" />
    </Icon>
  ),
  aid: (
    <Icon>
      <path d="M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z" />
    </Icon>
  ),
  training: (
    <Icon>
      <path d="M2 9l10-5 10 5-10 5z" />
      <path d="M6 11v5c0 1.5 3 3 6 3s6-1.5 6-3v-5" />
    </Icon>
  ),
  recuperation: (
    <Icon>
      <path d="M3 20h18" />
      <path d="M5 20l5-9 3 5 2-3 4 7" />
      <circle cx="17" cy="6" r="2" />
    </Icon>
  ),
  wish: (
    <Icon>
      <path d="M12 3l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.4 6.8 19.1l1-5.8L3.5 9.2l5.9-.9z" />
    </Icon>
  ),
  vote: (
    <Icon>
      <rect x="4" y="10" width="16" height="10" rx="2" />
      <path d="M9 6l2 2 4-4M8 14h8" />
    </Icon>
  ),
  volunteer: (
    <Icon>
      <path d="M7 11V7a2 2 0 0 1 4 0v4" />
      <path d="M11 10V5a2 2 0 0 1 4 0v6" />
      <path d="M15 9a2 2 0 0 1 4 0v4a8 8 0 0 1-8 8 7 7 0 0 1-6-3l-2-4a2 2 0 0 1 3.5-2L7 14" />
    </Icon>
  ),
  competition: (
    <Icon>
      <path d="M8 4h8v5a4 4 0 0 1-8 0z" />
      <path d="M8 6H5v1a3 3 0 0 0 3 3M16 6h3v1a3 3 0 0 1-3 3M12 13v4M8 21h8M9 17h6" />
    </Icon>
  ),
  pioneer: (
    <Icon>
      <path d="M5 21V4" />
      <path d="M5 4h12l-2 4 2 4H5" />
    </Icon>
  ),
  judging: (
    <Icon>
      <rect x="5" y="4" width="14" height="17" rx="2" />
      <path d="M9 4V3h6v1" />
      <path d="M9 13l2 2 4-4" />
    </Icon>
  ),
  /** 会员卡核验: a scanner's frame with a tick */
  verify: (
    <Icon>
      <path d="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3" />
      <path d="M8 12l3 3 5-6" />
    </Icon>
  ),
};
