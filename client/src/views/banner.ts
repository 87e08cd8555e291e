/** A banner that says when the server or its database is unavailable, and recovers when it is back. */
import { api } from '../api/client.ts';
import { byId } from './dom.ts';

export function showUnavailable(message: string, onRecovered: () => void): void {
  const banner = byId('banner');
  banner.textContent = `${message} Retrying…`;
  banner.hidden = false;
  const retry = setInterval(async () => {
    try {
      const health = await api.health();
      if (health.status === 'ok') {
        clearInterval(retry);
        banner.hidden = true;
        onRecovered();
      }
    } catch {
      // still down; keep trying
    }
  }, 3000);
}
