package io.github.duplicityunattended.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactory;
import org.apache.hc.core5.http.protocol.BasicHttpContext;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation")
class LazyTlsSocketFactoryTest {

    @Test
    void tlsIsSetUpAtTheFirstHttpsSocketAndOnlyOnce() throws IOException {
        AtomicInteger made = new AtomicInteger();
        LazyTlsSocketFactory factory = new LazyTlsSocketFactory(() -> {
            made.incrementAndGet();
            return SSLConnectionSocketFactory.getSocketFactory();
        });
        assertEquals(0, made.get(), "no TLS before an https request");
        try (Socket first = factory.createSocket(new BasicHttpContext());
             Socket second = factory.createSocket(new BasicHttpContext())) {
            assertEquals(1, made.get());
            assertTrue(first != second);
        }
    }

    @Test
    void tlsThatCannotBeSetUpFailsTheRequestNotTheStart() {
        LazyTlsSocketFactory factory = new LazyTlsSocketFactory(() -> {
            throw new GeneralSecurityException("no trust store");
        });
        IOException e = assertThrows(IOException.class, () -> factory.createSocket(new BasicHttpContext()));
        assertEquals("cannot set up TLS: no trust store", e.getMessage());
    }
}
