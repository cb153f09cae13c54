export { parseEmail, readEmail, type ParseEmailOptions } from './parse-email';
export type { EmailReading } from './email-reading';
export type { EmailInboundAdapter } from './email-webhook';
export { sendgridAdapter, type SendGridSecrets } from './sendgrid.adapter';
export { mailgunAdapter } from './mailgun.adapter';
export type { MailgunSecrets } from './mailgun-signature';
export { postmarkAdapter, type PostmarkSecrets } from './postmark.adapter';
