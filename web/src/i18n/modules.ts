/**
 * One language's texts of a module: its namespaces (top-level keys of the app's messages, e.g.
 * `members`), and under one more key the labels of the entries it adds to the app's navigation
 * (the console's `menu`, the portal's `tiles`).
 */
export type ModuleTexts = Record<string, object>;

type Messages = Record<string, unknown>;

/**
 * An app's messages in one language: its own (`app`), each module's namespaces beside them, and
 * the modules' navigation labels gathered where the app reads them: `gathered` maps a module key
 * (e.g. `menu`) to its place in the app's messages (e.g. layout.menu), next to any the app keeps
 * there itself. A namespace or label claimed twice is a mistake, refused at start.
 */
export function withModuleTexts(app: Messages, modules: ModuleTexts[], gathered: Record<string, [string, string]>): Messages {
  const messages: Messages = { ...app };
  const places = new Map(Object.entries(gathered).map(([key, [outer, inner]]) => [key, { ...((app[outer] as Messages | undefined)?.[inner] as Messages | undefined) } as Messages]));
  for (const texts of modules) {
    for (const [key, value] of Object.entries(texts)) {
      const place = places.get(key);
      const into = place ?? messages;
      for (const [name, text] of Object.entries(place ? value : { [key]: value })) {
        if (name in into) throw new Error(`i18n: "${place ? `${gathered[key]!.join('.')}.` : ''}${name}" is given twice`);
        into[name] = text;
      }
    }
  }
  for (const [key, labels] of places) {
    const [outer, inner] = gathered[key]!;
    messages[outer] = { ...(messages[outer] as Messages | undefined), [inner]: labels };
  }
  return messages;
}
