package io.github.duplicityunattended.monitor;

/** A plain-text message: what the monitor mails through SES, or writes to the log when no one is to be mailed. */
public record Mail(String subject, String text) {
}
