/** The search box: full-text suggestions from the API; choosing one centres the camera on it and selects it. */
import { api, type SearchHit } from '../api/client.ts';
import { byId, h } from './dom.ts';

/** `onCanvas` puts what the canvas shows before what it does not (quotes, when statements are off). */
export function setUpSearch(
  negotiation: () => string,
  choose: (id: string) => void,
  onCanvas: (id: string) => boolean,
): void {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLDivElement>('search-results');
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const close = () => {
    list.replaceChildren();
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    input.value = hit.label;
    close();
    choose(hit.id);
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) =>
        h(
          'div',
          {
            role: 'option',
            id: `search-option-${i}`,
            'aria-selected': String(i === active),
            onmousedown: (e: Event) => {
              e.preventDefault();
              pick(hit);
            },
          },
          h('span', { class: 'hit-type' }, hit.nodeType),
          h('span', { class: 'hit-label' }, hit.label),
          hit.field !== 'label'
            ? h('span', { class: 'hit-text' }, hit.text.length > 90 ? `${hit.text.slice(0, 89)}…` : hit.text)
            : null,
        ),
      ),
    );
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) return close();
    timer = setTimeout(async () => {
      const ask = ++asked;
      try {
        const { results } = await api.search(q, negotiation());
        if (ask !== asked) return; // a later keystroke already asked again
        // A stable sort: the server's ranking holds within each group.
        hits = [...results].sort((a, b) => Number(onCanvas(b.id)) - Number(onCanvas(a.id)));
        active = hits.length ? 0 : -1;
        render();
      } catch {
        close();
      }
    }, 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!hits.length) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(hits[Math.max(active, 0)]);
    } else if (event.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
