import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Language } from '../domain/kinds';
import type { MailMessage } from '../infra/entities';
import type { RecordedNotification } from './recorder';

export interface MailSettings {
  /** smtp:// or smtps:// URL; unset: every message is written as an .eml file under `<dataDir>/mail/`. */
  smtpUrl?: string | undefined;
  /** The From header, e.g. `Reglament <support@provider.example>`. */
  from: string;
  /** Domain of Message-IDs (default: the domain of `from`). */
  domain: string;
  /** Base address of the portal; the ticket link is `<portalUrl>/tickets/<id>`. */
  portalUrl: string;
  /** Attempts before a failing e-mail is DEAD. */
  maxAttempts: number;
  dataDir: string;
}

export const DEFAULT_MAIL_FROM = 'Reglament <noreply@reglament.local>';

export function mailSettings(partial: Partial<Omit<MailSettings, 'dataDir'>> & { dataDir: string }): MailSettings {
  const from = partial.from ?? DEFAULT_MAIL_FROM;
  return {
    smtpUrl: partial.smtpUrl,
    from,
    domain: partial.domain ?? domainOf(from),
    portalUrl: (partial.portalUrl ?? 'http://localhost:4000').replace(/\/+$/, ''),
    maxAttempts: partial.maxAttempts ?? 8,
    dataDir: partial.dataDir,
  };
}

function domainOf(address: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(address);
  return match?.[1] ?? 'reglament.local';
}

const LAYOUT: Record<Language, { text: string; html: string }> = {
  RU: {
    text: 'Здравствуйте, {{name}}!\n\n{{body}}\n\n{{#if link}}Открыть обращение: {{link}}\n\n{{/if}}--\nReglament: письмо отправлено автоматически.\n',
    html: '<!doctype html><html lang="ru"><body><p>Здравствуйте, {{name}}!</p><p>{{lines body}}</p>{{#if link}}<p><a href="{{link}}">Открыть обращение {{number}}</a></p>{{/if}}<hr><p style="color:#777">Reglament: письмо отправлено автоматически.</p></body></html>',
  },
  EN: {
    text: 'Hello {{name}},\n\n{{body}}\n\n{{#if link}}Open the ticket: {{link}}\n\n{{/if}}--\nReglament: this message was sent automatically.\n',
    html: '<!doctype html><html lang="en"><body><p>Hello {{name}},</p><p>{{lines body}}</p>{{#if link}}<p><a href="{{link}}">Open ticket {{number}}</a></p>{{/if}}<hr><p style="color:#777">Reglament: this message was sent automatically.</p></body></html>',
  },
};

/**
 * Makes the e-mail of a notification: subject `[T-YYYY-NNNNNN] title`, one thread per ticket
 * (`Message-ID <t.<ticket>.<notification>@domain>`, In-Reply-To/References `<t.<ticket>@domain>`),
 * plain text and HTML from the Handlebars layouts in the recipient's language, with the portal link.
 */
export class MailComposer {
  private readonly hbs = Handlebars.create();
  private readonly text: Record<Language, Handlebars.TemplateDelegate>;
  private readonly html: Record<Language, Handlebars.TemplateDelegate>;

  constructor(private readonly settings: MailSettings) {
    this.hbs.registerHelper('lines', (value: unknown) => {
      const escaped = this.hbs.escapeExpression(typeof value === 'string' ? value : '');
      return new this.hbs.SafeString(escaped.replace(/\n/g, '<br>\n'));
    });
    const compile = (source: string, escape: boolean) => this.hbs.compile(source, { noEscape: !escape });
    this.text = { RU: compile(LAYOUT.RU.text, false), EN: compile(LAYOUT.EN.text, false) };
    this.html = { RU: compile(LAYOUT.RU.html, true), EN: compile(LAYOUT.EN.html, true) };
  }

  compose(n: RecordedNotification): MailMessage {
    const language = n.person.language;
    const ticket = n.ticket;
    const link = ticket ? `${this.settings.portalUrl}/tickets/${ticket.ticketId}` : null;
    const values = { name: n.person.fullName, body: n.body, link, number: ticket?.number ?? null };
    const domain = this.settings.domain;
    return {
      from: this.settings.from,
      to: n.person.email,
      subject: ticket ? `[${ticket.number}] ${n.title}` : n.title,
      text: this.text[language](values),
      html: this.html[language](values),
      messageId: ticket ? `<t.${ticket.ticketId}.${n.id}@${domain}>` : `<n.${n.id}@${domain}>`,
      threadId: ticket ? `<t.${ticket.ticketId}@${domain}>` : null,
      language,
    };
  }
}

/** A mail that is no notification (an inbound e-mail forwarded, R-TKT-4): plain text, escaped into HTML, not threaded. */
export function composePlainMail(
  settings: Pick<MailSettings, 'from' | 'domain'>,
  input: { id: string; to: string; subject: string; text: string; language: Language },
): MailMessage {
  const html = `<!doctype html><html><body><pre style="white-space:pre-wrap;font-family:inherit">${Handlebars.escapeExpression(input.text)}</pre></body></html>`;
  return {
    from: settings.from,
    to: input.to,
    subject: input.subject,
    text: input.text,
    html,
    messageId: `<f.${input.id}@${settings.domain}>`,
    threadId: null,
    language: input.language,
  };
}

/** Where e-mail goes: an SMTP server, or .eml files. */
export interface MailTransport {
  send(message: MailMessage, deliveryId: string): Promise<void>;
  close(): void;
  readonly description: string;
}

function mailOptions(m: MailMessage) {
  return {
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId: m.messageId,
    ...(m.threadId ? { inReplyTo: m.threadId, references: [m.threadId] } : {}),
    headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': m.language.toLowerCase() },
  };
}

export function createMailTransport(settings: MailSettings): MailTransport {
  if (settings.smtpUrl) {
    const transporter: Transporter = nodemailer.createTransport(settings.smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as never);
    return {
      description: 'SMTP',
      send: async (message) => {
        await transporter.sendMail(mailOptions(message));
      },
      close: () => transporter.close(),
    };
  }
  const dir = join(settings.dataDir, 'mail');
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `.eml files in ${dir}`,
    send: async (message, deliveryId) => {
      const info = (await transporter.sendMail(mailOptions(message))) as { message: Buffer };
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // Named by the delivery: a retry rewrites the same file, so each e-mail is one file.
      writeFileSync(join(dir, `${deliveryId}.eml`), info.message, { mode: 0o600 });
    },
    close: () => transporter.close(),
  };
}
