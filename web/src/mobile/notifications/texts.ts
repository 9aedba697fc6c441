import { addTexts } from '../../i18n/add-texts';
import { notificationsEn, notificationsZh } from './messages';

/** The `notifications` namespace, registered when a page or home section of the module first loads (web/src/i18n/add-texts.ts). */
addTexts({ zh: { notifications: notificationsZh }, en: { notifications: notificationsEn } });
