/**
 * Opens and closes the Cypher console: the header's "Cypher" button or Ctrl/Cmd+Shift+K. The editor and
 * its Cypher support are a separate chunk, loaded the first time the console opens.
 */
import { byId } from '../dom.ts';
import type { ConsoleHost, ConsolePanel } from './panel.ts';

export function isConsoleShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'k';
}

/** `onResize` is called after the panel opens or closes (the canvas's room changes). */
export function setUpConsole(host: ConsoleHost, onResize: () => void): void {
  const section = byId('console');
  const toggle = byId<HTMLButtonElement>('console-toggle');
  let panel: Promise<ConsolePanel> | null = null;

  const open = async () => {
    section.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    onResize();
    panel ??= import('./panel.ts').then(({ ConsolePanel }) => {
      const created = new ConsolePanel(host);
      section.dataset.ready = 'true';
      return created;
    });
    (await panel).focus();
  };
  const close = () => {
    const hadFocus = section.contains(document.activeElement);
    section.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    onResize();
    if (hadFocus) toggle.focus();
  };
  const flip = () => (section.hidden ? void open() : close());

  toggle.addEventListener('click', flip);
  document.addEventListener('keydown', (event) => {
    if (!isConsoleShortcut(event)) return;
    event.preventDefault();
    flip();
  });
  byId('console-close').addEventListener('click', close);
}
