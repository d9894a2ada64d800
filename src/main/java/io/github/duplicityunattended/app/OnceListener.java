package io.github.duplicityunattended.app;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** In --once mode: as soon as Camel has started, sends one exchange to a route, then lets Main stop. */
final class OnceListener extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger("duplicity-unattended");
    private final String endpoint;

    OnceListener(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        try (ProducerTemplate template = main.getCamelContext().createProducerTemplate()) {
            template.sendBody(endpoint, null);
        } catch (RuntimeException | java.io.IOException e) {
            // a route missing from an edited --routes dir, for example: one line, no stack trace
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.error("The run via {} did not complete: {}", endpoint, cause.getMessage());
        } finally {
            ((MainSupport) main).completed();
        }
    }
}
