import type { DeliveredEvent, EventBus, Logger, Stoppable } from '@reglament/shared/platform';

/**
 * Accounts (contacts and staff) that were deactivated, and the last password change of each,
 * learned from contracts' events. A token stays valid until it expires (hours), so the door
 * refuses the tokens of a deactivated account, and those issued before its password changed,
 * itself, for every subgraph at once. Each account's latest event wins (event ids are time-ordered).
 */
export class DeactivatedAccounts {
  private readonly latest = new Map<string, { eventId: string; active: boolean }>();
  private readonly passwordChanged = new Map<string, number>();

  private constructor(private readonly tail: Stoppable) {}

  static async start(bus: EventBus, log: Logger): Promise<DeactivatedAccounts> {
    let accounts: DeactivatedAccounts | null = null;
    const pending: DeliveredEvent[] = [];
    // From the start of the retained stream: deactivations older than a token's life do no harm.
    const tail = await bus.tail({
      domain: 'contracts',
      fromSeq: 1,
      onEvent: (delivered) => (accounts ? accounts.apply(delivered) : pending.push(delivered)),
    });
    accounts = new DeactivatedAccounts(tail);
    for (const delivered of pending) accounts.apply(delivered);
    log.debug('following account deactivations');
    return accounts;
  }

  private apply({ event }: DeliveredEvent): void {
    let id: string;
    let active: boolean;
    switch (event.type) {
      case 'contracts.credential.changed': {
        const at = Date.parse(event.data.tokensValidFrom);
        const known = this.passwordChanged.get(event.data.accountId) ?? -Infinity;
        if (Number.isFinite(at) && at > known) this.passwordChanged.set(event.data.accountId, at);
        return;
      }
      case 'contracts.contact.registered':
      case 'contracts.contact.updated':
      case 'contracts.contact.deactivated':
        id = event.data.contactId;
        active = event.type !== 'contracts.contact.deactivated' && event.data.active;
        break;
      case 'contracts.staff.registered':
      case 'contracts.staff.updated':
        id = event.data.staffId;
        active = event.data.active;
        break;
      default:
        return;
    }
    const known = this.latest.get(id);
    if (known && known.eventId > event.id) return;
    if (active) this.latest.delete(id);
    else this.latest.set(id, { eventId: event.id, active });
  }

  isDeactivated(accountId: string): boolean {
    return this.latest.has(accountId);
  }

  /** A token issued at `issuedAtMs` (null: unknown) predates the account's last password change. */
  issuedBeforePasswordChange(accountId: string, issuedAtMs: number | null): boolean {
    const changed = this.passwordChanged.get(accountId);
    return changed !== undefined && (issuedAtMs === null || issuedAtMs < changed);
  }

  stop(): Promise<void> {
    return this.tail.stop();
  }
}
