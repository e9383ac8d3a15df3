/** The framework-free core of the footer-policy plugin: detection, policy resolution, the printed line. */
export { stripTrailingFooter } from './strip-trailing-footer';
export type { StripResult } from './strip-trailing-footer';
export type { FooterWarning } from './strip-warnings';
export { findMidStoryMarkers, describeMarkerPosition } from './mid-story-markers';
export type { MidStoryMarker } from './mid-story-markers';
export {
  resolveFooter,
  validateSectionPolicy,
  SECTION_POLICY_ERROR_CODES,
  SECTION_FOOTER_MODES,
  MAX_SECTION_DEPTH,
  MAX_FOOTER_LENGTH,
} from './policy';
export type {
  FooterDefaults,
  PolicyError,
  ResolvedFooter,
  SectionFooterMode,
  SectionFooterPolicy,
} from './policy';
export { footerLine } from './footer-line';
export { normalizeFooterText, DEFAULT_FOOTER_TEXT } from './normalize-footer-text';
export type { BodyBlock, Message } from './types';
