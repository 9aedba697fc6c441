import { addTexts } from '../../i18n/add-texts';
import { activitiesEn, activitiesZh } from './messages';

/** The `activities` namespace, registered when a page or home section of the module first loads (web/src/i18n/add-texts.ts). */
addTexts({ zh: { activities: activitiesZh }, en: { activities: activitiesEn } });
