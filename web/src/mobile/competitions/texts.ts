import { addTexts } from '../../i18n/add-texts';
import { competitionsEn, competitionsZh } from './messages';

/** The `competitions` namespace, registered when a page or home section of the module first loads (web/src/i18n/add-texts.ts). */
addTexts({ zh: { competitions: competitionsZh }, en: { competitions: competitionsEn } });
