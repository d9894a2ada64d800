package io.github.duplicityunattended.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class RefusingPortTest {

    @Test
    void connectionsAreRefusedAndNoServerCanListenOnThePortWhileItIsHeld() throws Exception {
        try (RefusingPort port = RefusingPort.open()) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port.port());

            assertThrows(ConnectException.class, () -> {
                try (Socket client = new Socket()) {
                    client.connect(address, 60_000);
                }
            });
            try (ServerSocket other = new ServerSocket()) {
                other.setReuseAddress(true);
                assertThrows(BindException.class, () -> other.bind(address));
            }
        }
    }
}
