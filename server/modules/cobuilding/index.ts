/** The cobuilding module's public entry: the partner an account acts for (micro-wishes let partners claim). */
export { partnerOf } from './partners.ts';
