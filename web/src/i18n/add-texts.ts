import i18next from 'i18next';
import type { ModuleTexts } from './modules';

/**
 * Registers a portal module's namespaces when the first of its pages or home sections loads, so
 * they stay out of the portal's first load (docs/ENGINEERING.md: 150 KB). Each module keeps them
 * in a `texts.ts` that calls this, and every file of the module that reads them imports
 * `./texts` (checked by web/src/mobile/texts.test.ts). i18next is started before any page or
 * section chunk loads. A namespace given twice is a mistake, refused like withModuleTexts does.
 */
export function addTexts<T extends ModuleTexts>(texts: { zh: T; en: NoInfer<T> }): void {
  for (const [language, namespaces] of Object.entries(texts)) {
    for (const [name, value] of Object.entries(namespaces)) {
      if (i18next.getResource(language, 'translation', name) !== undefined) throw new Error(`i18n: "${name}" is given twice`);
      i18next.addResourceBundle(language, 'translation', { [name]: value }, true, false);
    }
  }
}
