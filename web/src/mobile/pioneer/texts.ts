import { addTexts } from '../../i18n/add-texts';
import { pioneerEn, pioneerZh } from './messages';

/** The `pioneer` namespace, registered when a page or home section of the module first loads (web/src/i18n/add-texts.ts). */
addTexts({ zh: { pioneer: pioneerZh }, en: { pioneer: pioneerEn } });
