package io.github.duplicityunattended.app;

import io.github.duplicityunattended.support.Failures;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For a one-off command (--once, --check, --test-email): as soon as Camel has started, sends one exchange to a
 * route, keeps its reply or its failure, then lets Main stop.
 */
final class OnceListener extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger("duplicity-unattended");
    private final String endpoint;
    private final Object body;
    private volatile Object reply;
    private volatile RuntimeException failure;

    OnceListener(String endpoint, Object body) {
        this.endpoint = endpoint;
        this.body = body;
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        try (ProducerTemplate template = main.getCamelContext().createProducerTemplate()) {
            reply = template.requestBody(endpoint, body);
        } catch (java.io.IOException e) {
            // closing a template does no I/O
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("The run via {} did not complete: {}", endpoint, Failures.reason(e));
        } finally {
            ((MainSupport) main).completed();
        }
    }

    /** The reply body, or the failure of the route. */
    Reply result() {
        return new Reply(Optional.ofNullable(reply), Optional.ofNullable(failure));
    }
}
