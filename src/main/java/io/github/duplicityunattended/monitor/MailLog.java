package io.github.duplicityunattended.monitor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where mails go when no sender and recipient are configured: the log, one line per line of text. */
public final class MailLog {

    private static final Logger LOG = LoggerFactory.getLogger(MailLog.class);

    public void write(Mail mail) {
        LOG.warn("{} (not mailed: set monitor.sender and monitor.recipient to mail it)", mail.subject());
        mail.text().lines().filter(line -> !line.isBlank()).forEach(line -> LOG.warn("| {}", line));
    }
}
