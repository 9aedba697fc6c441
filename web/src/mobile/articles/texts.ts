import { addTexts } from '../../i18n/add-texts';
import { articlesEn, articlesZh } from './messages';

/** The `articles` namespace, registered when a page or home section of the module first loads (web/src/i18n/add-texts.ts). */
addTexts({ zh: { articles: articlesZh }, en: { articles: articlesEn } });
