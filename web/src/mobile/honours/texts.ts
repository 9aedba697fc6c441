import { addTexts } from '../../i18n/add-texts';
import { honoursEn, honoursZh } from './messages';

/** The `honours` namespace, registered when a page or home section of the module first loads (web/src/i18n/add-texts.ts). */
addTexts({ zh: { honours: honoursZh }, en: { honours: honoursEn } });
