// One tab stop for a group of controls, arrow keys between them (the toolbar pattern, and the
// preview rows): Tab moves past the group instead of through every button in it.

export type Orientation = 'horizontal' | 'vertical';

/**
 * Keeps exactly one usable item of `container` (matching `selector`) in the tab order, the one last
 * focused; arrows (and Home / End) move the focus. Items that appear, go or are disabled later are
 * picked up on their own.
 */
export function rovingFocus(container: HTMLElement, selector: string, orientation: Orientation): void {
  const usable = (): HTMLElement[] =>
    [...container.querySelectorAll<HTMLElement>(selector)].filter((item) => !item.hidden && !(item as HTMLButtonElement).disabled);
  let current: HTMLElement | undefined;
  const refresh = (): void => {
    const items = usable();
    if (!current || !items.includes(current)) current = items[0];
    for (const item of container.querySelectorAll<HTMLElement>(selector)) item.tabIndex = item === current ? 0 : -1;
  };
  container.addEventListener('focusin', (event) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>(selector);
    if (item && usable().includes(item)) {
      current = item;
      refresh();
    }
  });
  const [back, forward] = orientation === 'horizontal' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
  container.addEventListener('keydown', (event) => {
    const items = usable();
    const at = current ? items.indexOf(current) : -1;
    const target =
      event.key === forward ? items[Math.min(at + 1, items.length - 1)]
        : event.key === back ? items[Math.max(at - 1, 0)]
          : event.key === 'Home' ? items[0]
            : event.key === 'End' ? items[items.length - 1]
              : undefined;
    if (!target || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    current = target;
    refresh();
    target.focus();
  });
  new MutationObserver(refresh).observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
  refresh();
}
