import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  AppError,
  badInput,
  type Caller,
  ErrorCode,
  forbidden,
  isUuid,
  requireRole,
  requireUser,
  type Role,
  unauthenticated,
} from '@reglament/shared/domain';
import { type Clock, type Logger, type Transactions, Mutex } from '@reglament/shared/platform';
import {
  ADDRESS_POLICY,
  afterFailure,
  EMAIL_ADDRESS_POLICY,
  isLocked,
  type ThrottlePolicy,
} from '../domain/login-throttle';
import { normalizeEmail } from '../domain/organization';
import { hashPassword, validatePassword, verifyPassword } from '../domain/password';
import type { CredentialEntity, LoginThrottleEntity } from '../infra/people.entities';
import type { ContactStore, CredentialStore, LoginThrottleStore, StaffStore } from '../infra/people-store';
import type { TokenIssuer } from '../infra/tokens';
import type { Credentials } from './credentials';

/** The tables a login reads and counts failures in. */
export interface AuthStores {
  throttle: LoginThrottleStore;
  credentials: CredentialStore;
  contacts: ContactStore;
  staff: StaffStore;
}

export interface Viewer {
  id: string;
  role: Role;
  organizationId: string | null;
  name: string | null;
  email: string | null;
  /** CONTACT / STAFF: a registered person; TOKEN: a token minted elsewhere (tools, partners). */
  kind: 'CONTACT' | 'STAFF' | 'TOKEN';
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  viewer: Viewer;
}

const WRONG_CREDENTIALS = 'Wrong e-mail or password';
/** Above this many failed logins a minute (all e-mails together), every failure answers 1 s later. */
export const GLOBAL_FAILURES_PER_MINUTE = 100;
const GLOBAL_DELAY_MS = 1000;

/** An address the gateway did not give (the system's own calls, tests of this service alone). */
const UNKNOWN_ADDRESS = 'unknown';

interface ThrottleKeys {
  emailHash: string;
  address: string;
  pair: string;
  perAddress: string;
}

/**
 * Login (docs/api.md "Authentication and tokens"). A wrong password and an unknown e-mail answer the same, after the
 * same scrypt work (a dummy hash for unknown e-mails). Failures are slowed down per (e-mail,
 * client address) and per client address, with the state in the database (login_throttle,
 * shared by replicas) and real time; and globally, in memory per process (a burst of failures
 * across e-mails answers one second later). An ADMIN can lift locks (liftLoginLocks).
 */
export class Auth {
  private dummyHash: Promise<string> | null = null;
  private readonly recentFailures: number[] = [];
  private readonly gates = new Map<string, { mutex: Mutex; waiting: number }>();

  constructor(
    private readonly stores: AuthStores,
    private readonly credentials: Credentials,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly tokens: TokenIssuer | null,
    private readonly log: Logger,
    /** Real time for throttling (the test clock may be frozen in 2025; a lock must still end). */
    private readonly realNow: () => number = Date.now,
  ) {}

  async login(email: string, password: string, clientAddress: string | null = null): Promise<LoginResult> {
    if (!this.tokens) throw forbidden('Login is not configured on this installation (JWT_SECRET is not set)');
    const normalized = normalizeEmail(email);
    const keys = throttleKeys(normalized, clientAddress ?? UNKNOWN_ADDRESS);
    // Attempts on one e-mail from one address go one at a time (in this process), so parallel
    // guesses cannot all be checked before the first failures are counted.
    const gate = this.gates.get(keys.pair) ?? { mutex: new Mutex(), waiting: 0 };
    this.gates.set(keys.pair, gate);
    gate.waiting++;
    const release = await gate.mutex.acquire();
    try {
      return await this.attempt(normalized, keys, password);
    } finally {
      release();
      if (--gate.waiting === 0) this.gates.delete(keys.pair);
    }
  }

  private async attempt(normalized: string, keys: ThrottleKeys, password: string): Promise<LoginResult> {
    if (!this.tokens) throw forbidden('Login is not configured on this installation (JWT_SECRET is not set)');
    const now = new Date(this.realNow());
    const rows = await this.stores.throttle.byKeys([keys.pair, keys.perAddress]);
    const lock = rows
      .filter((row) => isLocked(row, now))
      .sort((a, b) => b.lockedUntil!.getTime() - a.lockedUntil!.getTime())[0];
    if (lock) throw locked(lock, now);

    const credential = await this.stores.credentials.byEmail(normalized);
    const hash = credential?.passwordHash ?? (await this.dummy());
    const matches = (await verifyPassword(password, hash)) && credential?.passwordHash != null;
    if (!credential || !matches) {
      await this.recordFailure(keys, now);
      await this.globalSlowdown();
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    const viewer = await this.viewerOf(credential);
    if (!viewer.active) {
      throw forbidden(
        "This login is deactivated: ask your organization or the provider's administrator to reactivate it",
      );
    }
    // Success forgets this pair's failures, not the address's: a valid login between guesses
    // at other e-mails must not reset them.
    if (rows.some((row) => row.key === keys.pair)) {
      await this.stores.throttle.delete(keys.pair);
    }
    const { token, expiresAt } = await this.tokens.issue({
      sub: viewer.id,
      role: viewer.role,
      org: viewer.organizationId,
      name: viewer.name ?? viewer.email ?? viewer.id,
    });
    const { active: _active, ...rest } = viewer;
    return { token, expiresAt, viewer: rest };
  }

  /**
   * ADMIN: lifts login locks (and forgets the failures) of an e-mail (from every address), of
   * an address (every e-mail from it, and the address's own), or of one e-mail from one
   * address when both are given. Returns how many throttle records were removed.
   */
  async liftLoginLocks(caller: Caller, filter: { email?: string | null; address?: string | null }): Promise<number> {
    requireRole(caller, ['ADMIN'], 'lift login locks');
    const email = filter.email?.trim() ? normalizeEmail(filter.email) : null;
    const address = filter.address?.trim() ? filter.address.trim() : null;
    if (!email && !address) throw badInput('Give the email, the address, or both, whose login locks to lift');
    const lifted = await this.stores.throttle.deleteMatching({ emailHash: email ? sha256(email) : null, address });
    this.log.info({ address, byEmail: email !== null, lifted }, 'login locks lifted');
    return lifted;
  }

  /** The caller, from the register when it is a person we know, else from its token. */
  async me(caller: Caller): Promise<Viewer> {
    const user = requireUser(caller, 'ask who you are');
    if (user.kind === 'system') throw forbidden('The system has no viewer');
    if (isUuid(user.id)) {
      const credential = await this.stores.credentials.byUser(user.id);
      if (credential) {
        const { active: _active, ...viewer } = await this.viewerOf(credential);
        return viewer;
      }
    }
    return {
      id: user.id,
      role: user.role,
      organizationId: user.organizationId,
      name: user.name,
      email: null,
      kind: 'TOKEN',
    };
  }

  async changePassword(caller: Caller, currentPassword: string, newPassword: string): Promise<boolean> {
    const user = requireUser(caller, 'change your password');
    validatePassword(newPassword, 'newPassword');
    const credential = user.kind === 'user' && isUuid(user.id) ? await this.stores.credentials.byUser(user.id) : null;
    if (!credential) throw forbidden('Only a registered contact or staff member has a password to change');
    if (!credential.passwordHash || !(await verifyPassword(currentPassword, credential.passwordHash))) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'currentPassword is not your current password', {
        field: 'currentPassword',
      });
    }
    const now = this.clock.now();
    await this.transactions.run((tx) => this.credentials.change(tx, credential.userId, { password: newPassword }, now));
    return true;
  }

  private async viewerOf(credential: CredentialEntity): Promise<Viewer & { active: boolean }> {
    if (credential.kind === 'CONTACT') {
      const contact = await this.stores.contacts.byId(credential.userId);
      return {
        id: contact.id,
        role: 'CUSTOMER',
        organizationId: contact.organizationId,
        name: contact.fullName,
        email: contact.email,
        kind: 'CONTACT',
        active: contact.active,
      };
    }
    const member = await this.stores.staff.byId(credential.userId);
    return {
      id: member.id,
      role: member.role,
      organizationId: null,
      name: member.fullName,
      email: member.email,
      kind: 'STAFF',
      active: member.active,
    };
  }

  private async recordFailure(keys: ThrottleKeys, now: Date): Promise<void> {
    await this.transactions.run(async (tx) => {
      const count = async (
        key: string,
        record: Omit<LoginThrottleEntity, 'key' | keyof ThrottleStateOf>,
        policy: ThrottlePolicy,
      ) => {
        const row = await this.stores.throttle.lock(tx.manager, key);
        await this.stores.throttle.upsert(tx.manager, { key, ...record, ...afterFailure(row, now, policy) });
      };
      await count(
        keys.pair,
        { scope: 'EMAIL_ADDRESS', emailHash: keys.emailHash, address: keys.address },
        EMAIL_ADDRESS_POLICY,
      );
      await count(keys.perAddress, { scope: 'ADDRESS', emailHash: null, address: keys.address }, ADDRESS_POLICY);
    });
  }

  /** Process-local, real time: it protects the process, not a business rule. */
  private async globalSlowdown(): Promise<void> {
    const now = performance.now();
    this.recentFailures.push(now);
    while (this.recentFailures.length > 0 && this.recentFailures[0]! < now - 60_000) this.recentFailures.shift();
    if (this.recentFailures.length > GLOBAL_FAILURES_PER_MINUTE) {
      this.log.warn(
        { failuresLastMinute: this.recentFailures.length },
        'many failed logins: answering failures slower',
      );
      await new Promise((resolve) => setTimeout(resolve, GLOBAL_DELAY_MS));
    }
  }

  /** Forgets failures nobody has repeated for a day (the table does not grow with guessed e-mails). */
  async forgetOldFailures(): Promise<number> {
    const cutoff = new Date(this.realNow() - 24 * 3600_000);
    return this.stores.throttle.deleteIdleSince(cutoff);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword('not-a-password-of-anyone');
    return this.dummyHash;
  }
}

type ThrottleStateOf = Pick<LoginThrottleEntity, 'failures' | 'lastFailureAt' | 'lockedUntil'>;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function throttleKeys(email: string, address: string): ThrottleKeys {
  return {
    emailHash: sha256(email),
    address,
    pair: sha256(`EMAIL_ADDRESS\u0000${email}\u0000${address}`),
    perAddress: sha256(`ADDRESS\u0000${address}`),
  };
}

function locked(row: LoginThrottleEntity, now: Date): AppError {
  const until = row.lockedUntil!;
  const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  const what = row.scope === 'ADDRESS' ? 'from your address' : 'for this e-mail from your address';
  return new AppError(
    ErrorCode.RATE_LIMITED,
    `Too many failed logins ${what}: try again in ${seconds} s (after ${until.toISOString()})`,
    { retryAfterSeconds: seconds },
  );
}
