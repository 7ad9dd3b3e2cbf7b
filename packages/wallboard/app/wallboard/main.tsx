import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, connect, type LinkState, login, request } from './api';
import { type BoardState, boardFrom, byUrgency, mainTimer, type ShownCard, withSlaChange, withTicket } from './board';
import { ComplianceChart } from './chart';
import { formatMinutes, remainingAt } from './countdown';
import {
  PAGE,
  PRIORITIES,
  SLA_CHANGES,
  type SlaChange,
  START,
  type StartData,
  STATUSES,
  TICKET_CHANGES,
  type TicketChange,
} from './queries';
import './style.css';

const TOKEN_KEY = 'reglament.wallboard.token';

/** A token in the URL fragment (#token=...) is taken once and removed from the address bar. */
function initialToken(): string | null {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromFragment) {
    sessionStorage.setItem(TOKEN_KEY, fromFragment);
    history.replaceState(null, '', location.pathname + location.search);
    return fromFragment;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function LoginForm({ onToken, message }: { onToken: (token: string) => void; message: string | null }) {
  const [error, setError] = useState<string | null>(message);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      onToken(await login(String(form.get('email')), String(form.get('password'))));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form class="login" onSubmit={submit}>
      <h1>Reglament wallboard</h1>
      <label>
        E-mail <input name="email" type="email" autocomplete="username" required />
      </label>
      <label>
        Password <input name="password" type="password" autocomplete="current-password" required />
      </label>
      <button type="submit">Sign in</button>
      {error && <p class="error">{error}</p>}
    </form>
  );
}

function Countdown({ card, now }: { card: ShownCard; now: number }) {
  const timer = mainTimer(card);
  if (!timer) return <span class="countdown none">no clock running</span>;
  const label = `${timer.metric.toLowerCase().replace(/_/g, ' ')}`;
  const provisional = timer.provisional ? <span class="tag provisional">provisional</span> : null;
  if (timer.status === 'NOT_GUARANTEED') {
    return (
      <span class="countdown not-guaranteed" data-testid="countdown">
        {label}: NOT GUARANTEED (prepaid hours used up) {provisional}
      </span>
    );
  }
  if (timer.status === 'PAUSED') {
    const left = timer.remainingWorkingMinutes;
    return (
      <span class="countdown paused" data-testid="countdown">
        {label}: ⏸ paused{left !== null ? `, ${formatMinutes(left)} left` : ''} {provisional}
      </span>
    );
  }
  if (!timer.countdown) return <span class="countdown none">{label}: no deadline</span>;
  const left = remainingAt(timer.countdown, now);
  const ticking = timer.countdown.ticking;
  return (
    <span class={`countdown ${left < 0 ? 'late' : ''} ${ticking ? 'ticking' : 'idle'}`} data-testid="countdown">
      {label}: {formatMinutes(left)} {ticking ? '' : '(outside working hours)'} {provisional}
    </span>
  );
}

function TicketCard({ card, now, organization }: { card: ShownCard; now: number; organization: string }) {
  return (
    <li class={`card state-${card.sla.state}`} data-testid={`ticket-${card.number}`} data-state={card.sla.state}>
      <div class="row">
        <b>{card.number}</b>
        <span class={`priority p-${card.priority ?? 'NONE'}`}>{card.priority ?? '—'}</span>
        <span class="state" data-testid="state">
          {card.sla.state.replace('_', ' ')}
        </span>
      </div>
      <div class="title">{card.title}</div>
      <div class="row small">
        <span>{organization}</span>
        <Countdown card={card} now={now} />
      </div>
    </li>
  );
}

function Board({ token, onLogout }: { token: string; onLogout: (message: string | null) => void }) {
  const [board, setBoard] = useState<BoardState | null>(null);
  const [link, setLink] = useState<LinkState>('connecting');
  const [filter, setFilter] = useState<string>('');
  const [now, setNow] = useState(Date.now());
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ComplianceChart | null>(null);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  useEffect(() => {
    let stopped = false;
    const disposers: (() => void)[] = [];
    (async () => {
      let data: StartData;
      try {
        data = await request<StartData>(START, { first: PAGE, statuses: STATUSES }, token);
      } catch (error) {
        onLogout(error instanceof ApiError ? error.message : String(error));
        return;
      }
      if (stopped) return;
      setBoard(boardFrom(data, Date.now()));
      const client = connect(token, (state, reason) => {
        setLink(state);
        if (state === 'refused') onLogout(reason ?? 'Signed out: the token is no longer valid');
      });
      disposers.push(() => void client.dispose());
      // Mutated in place: a reconnect sends these same variables, so each resumes after its last cursor.
      const ticketVars: { after: string | null } = { after: null };
      const slaVars: { after: string | null } = { after: null };
      disposers.push(
        client.subscribe<{ ticketChanged: TicketChange }>(
          { query: TICKET_CHANGES, variables: ticketVars },
          {
            next: ({ data: d }) => {
              if (!d) return;
              ticketVars.after = d.ticketChanged.cursor;
              setBoard((b) => b && withTicket(b, d.ticketChanged.ticketId, d.ticketChanged.ticket, Date.now()));
            },
            error: () => undefined,
            complete: () => undefined,
          },
        ),
        client.subscribe<{ slaChanged: SlaChange }>(
          { query: SLA_CHANGES, variables: slaVars },
          {
            next: ({ data: d }) => {
              if (!d) return;
              slaVars.after = d.slaChanged.cursor;
              setBoard((b) => b && withSlaChange(b, d.slaChanged, Date.now()));
            },
            error: () => undefined,
            complete: () => undefined,
          },
        ),
      );
    })();
    return () => {
      stopped = true;
      for (const dispose of disposers) dispose();
    };
  }, [token]);

  const contracts = useMemo(
    () => (board ? board.contracts.filter((c) => !filter || c.organizationId === filter) : []),
    [board, filter],
  );
  useEffect(() => {
    if (!canvas.current) return;
    chart.current ??= new ComplianceChart(canvas.current);
    chart.current.show(contracts);
  }, [contracts, canvas.current]);
  useEffect(() => () => chart.current?.destroy(), []);

  if (!board) return <p class="loading">Loading…</p>;
  const cards = [...board.tickets.values()].filter((c) => !filter || c.organizationId === filter).sort(byUrgency);
  const warnings = board.warnings.filter((w) => !filter || w.organizationId === filter);
  const count = (status: string, priority: string) =>
    cards.filter((c) => c.status === status && c.priority === priority).length;
  return (
    <div class="board">
      <header>
        <h1>Reglament wallboard</h1>
        <span class={`link link-${link}`} data-testid="link">
          {link}
        </span>
        {board.organizations.size > 1 ? (
          <select
            aria-label="Organization"
            data-testid="organization-filter"
            onChange={(e) => setFilter((e.target as HTMLSelectElement).value)}
          >
            <option value="">All organizations</option>
            {[...board.organizations].map(([id, name]) => (
              <option value={id}>{name}</option>
            ))}
          </select>
        ) : (
          <span data-testid="organization">{[...board.organizations.values()][0] ?? ''}</span>
        )}
        <span class="who">
          {board.me.name ?? board.me.role} ({board.me.role})
        </span>
        <button onClick={() => onLogout(null)}>Sign out</button>
      </header>
      <main>
        <section class="summary">
          <table data-testid="summary">
            <thead>
              <tr>
                <th />
                {PRIORITIES.map((p) => (
                  <th>{p}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {STATUSES.map((s) => (
                <tr>
                  <th>{s.replace(/_/g, ' ')}</th>
                  {PRIORITIES.map((p) => (
                    <td class={count(s, p) ? 'some' : ''}>{count(s, p)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div class="chart">
            <h2>Today's compliance</h2>
            <canvas ref={canvas} data-testid="compliance" />
          </div>
          <div class="warnings">
            <h2>Warnings</h2>
            <ul data-testid="warnings">
              {warnings.map((w) => (
                <li key={w.key} class={`warning w-${w.type}`}>
                  {new Date(w.at).toLocaleTimeString()} {w.text}
                </li>
              ))}
            </ul>
          </div>
        </section>
        <section class="queue">
          {STATUSES.map((status) => (
            <div class="column" data-testid={`column-${status}`}>
              <h2>
                {status.replace(/_/g, ' ')} ({cards.filter((c) => c.status === status).length})
              </h2>
              <ul>
                {cards
                  .filter((c) => c.status === status)
                  .map((card) => (
                    <TicketCard
                      key={card.id}
                      card={card}
                      now={now}
                      organization={board.organizations.get(card.organizationId) ?? ''}
                    />
                  ))}
              </ul>
            </div>
          ))}
        </section>
      </main>
    </div>
  );
}

function App() {
  const [token, setToken] = useState<string | null>(initialToken);
  const [message, setMessage] = useState<string | null>(null);
  if (!token) {
    return (
      <LoginForm
        message={message}
        onToken={(t) => {
          sessionStorage.setItem(TOKEN_KEY, t);
          setToken(t);
        }}
      />
    );
  }
  return (
    <Board
      token={token}
      onLogout={(why) => {
        sessionStorage.removeItem(TOKEN_KEY);
        setMessage(why);
        setToken(null);
      }}
    />
  );
}

render(<App />, document.getElementById('app')!);
