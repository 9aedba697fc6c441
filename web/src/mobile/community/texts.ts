import { addTexts } from '../../i18n/add-texts';
import { communityEn, communityZh } from './messages';

/** The `community` namespace, registered when one of the module's pages first loads (web/src/i18n/add-texts.ts). */
addTexts({ zh: { community: communityZh }, en: { community: communityEn } });
