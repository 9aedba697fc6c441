import { addTexts } from '../../i18n/add-texts';
import { recuperationEn, recuperationZh } from './messages';

/** The `recuperation` namespace, registered when the module's page first loads (web/src/i18n/add-texts.ts). */
addTexts({ zh: { recuperation: recuperationZh }, en: { recuperation: recuperationEn } });
