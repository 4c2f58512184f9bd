// Tiny DOM builder: every value becomes text or an attribute, never parsed HTML.

type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | undefined | false;

/** Creates an element with attributes (booleans toggle presence) and text or element children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Looks up an element that the composer created, failing loudly if the layout changed. */
export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`composer: missing #${id}`);
  return element as T;
}
