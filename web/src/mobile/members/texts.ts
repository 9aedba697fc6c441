import { addTexts } from '../../i18n/add-texts';
import { membersEn, membersZh } from './messages';

/** The `members` namespace, registered when a page or home section of the module first loads (web/src/i18n/add-texts.ts). */
addTexts({ zh: { members: membersZh }, en: { members: membersEn } });
