import { addTexts } from '../../i18n/add-texts';
import { bargainingEn, bargainingZh } from './messages';

/** The `bargaining` namespace, registered when the module's page first loads (web/src/i18n/add-texts.ts). */
addTexts({ zh: { bargaining: bargainingZh }, en: { bargaining: bargainingEn } });
