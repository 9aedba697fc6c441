/**
 * One language's texts of a module: its namespaces (top-level keys of the app's messages, e.g.
 * `members`), and under one more key the labels of the entries it adds to the app's navigation
 * (the console's `menu`, the portal's `tiles`).
 */
export type ModuleTexts = Record<string, object>;

type Messages = Record<string, unknown>;

/**
 * An app's messages in one language: its own (`app`), each module's namespaces beside them, and
 * the modules' navigation labels (`labelsKey`) gathered under `labelsAt` (e.g. layout.menu), next to
 * any the app keeps there itself. A namespace or label claimed twice is a mistake, refused at start.
 */
export function withModuleTexts(app: Messages, modules: ModuleTexts[], labelsKey: string, labelsAt: [string, string]): Messages {
  const messages: Messages = { ...app };
  const [outer, inner] = labelsAt;
  const parent = { ...(app[outer] as Messages) };
  const labels = { ...(parent[inner] as Messages | undefined) };
  for (const texts of modules) {
    for (const [key, value] of Object.entries(texts)) {
      const into = key === labelsKey ? labels : messages;
      for (const [name, text] of Object.entries(key === labelsKey ? value : { [key]: value })) {
        if (name in into) throw new Error(`i18n: "${key === labelsKey ? `${outer}.${inner}.` : ''}${name}" is given twice`);
        into[name] = text;
      }
    }
  }
  messages[outer] = { ...parent, [inner]: labels };
  return messages;
}
