// Who did something, in words: an account's username, or the system (the server's console, an
// import started there, the demo data) in the reader's language. The server names the system
// "system" with no account id; shown raw, a treasurer reads "Dicatat oleh system".
import type { TFunction } from 'i18next';

/** The username the server gives work done with no account behind it. */
export const SYSTEM_USERNAME = 'system';

/** An account as the server names a record's author: its id (`null` for the system) and username. */
export interface ActorRef {
  id: number | null;
  username: string;
}

/**
 * The name to show for who recorded, verified or started something: the username, or "sistem"
 * ("the system") for work done with no account. Where the server sends only a username (an
 * import job's `created_by`), the system is the name `system`; nothing at all is the system too.
 */
export function actorName(t: TFunction, actor: ActorRef | string | null | undefined): string {
  if (actor === null || actor === undefined) return t('common.system');
  if (typeof actor === 'string') return actor === SYSTEM_USERNAME || actor === '' ? t('common.system') : actor;
  return actor.id === null ? t('common.system') : actor.username;
}
