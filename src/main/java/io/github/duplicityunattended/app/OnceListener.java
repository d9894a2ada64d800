package io.github.duplicityunattended.app;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;

/** In --once mode: as soon as Camel has started, sends one exchange to a route, then lets Main stop. */
final class OnceListener extends MainListenerSupport {

    private final String endpoint;

    OnceListener(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        try (ProducerTemplate template = main.getCamelContext().createProducerTemplate()) {
            template.sendBody(endpoint, null);
        } catch (java.io.IOException e) {
            // closing a template does no I/O
        } finally {
            ((MainSupport) main).completed();
        }
    }
}
