package io.github.duplicityunattended.notify;

import io.github.duplicityunattended.support.Failures;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what became of a notification: one ERROR line for one that could not be sent after its tries, naming
 * its target without the URL's secret parts; a DEBUG line for one sent.
 */
public final class NotifyLog {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyLog.class);

    public void sent(Outgoing request) {
        LOG.debug("Sent {} to {}", request.what(), request.target());
    }

    public void failed(Outgoing request, Exception error) {
        LOG.error("Could not send {} to {}: {}", request.what(), request.target(), reason(request, error));
    }

    static String reason(Outgoing request, Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof HttpOperationFailedException http) {
                return "HTTP " + http.getStatusCode() + (http.getStatusText() == null ? "" : " " + http.getStatusText());
            }
        }
        return SecretUrls.scrub(Failures.reason(error), request.url());
    }
}
