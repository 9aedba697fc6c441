import { addTexts } from '../../i18n/add-texts';
import { skillsEn, skillsZh } from './messages';

/** The `skills` namespace, registered when a page or home section of the module first loads (web/src/i18n/add-texts.ts). */
addTexts({ zh: { skills: skillsZh }, en: { skills: skillsEn } });
