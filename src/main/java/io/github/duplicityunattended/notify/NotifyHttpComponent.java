package io.github.duplicityunattended.notify;

import javax.net.ssl.HostnameVerifier;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.client5.http.socket.LayeredConnectionSocketFactory;
import org.apache.hc.client5.http.socket.PlainConnectionSocketFactory;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.config.RegistryBuilder;

/**
 * camel-http as notifications use it: the routes' 3 tries are all (the client itself never tries again), and
 * TLS is set up at the first https request, not when the route's endpoint is made at start.
 */
@SuppressWarnings("deprecation") // the socket factory API that camel-http's connection manager is built on
final class NotifyHttpComponent extends HttpComponent {

    NotifyHttpComponent() {
        setAutomaticRetriesDisabled(true);
    }

    @Override
    protected Registry<ConnectionSocketFactory> createConnectionRegistry(
            HostnameVerifier verifier, SSLContextParameters tls, boolean systemProperties) {
        RegistryBuilder<ConnectionSocketFactory> sockets = RegistryBuilder.create();
        return sockets
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", new LazyTlsSocketFactory(() -> (LayeredConnectionSocketFactory)
                        super.createConnectionRegistry(verifier, tls, systemProperties).lookup("https")))
                .build();
    }
}
