package io.crossflight.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aPortWithAListenerOnLoopbackIsTaken() throws Exception {
        int port;
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = listener.getLocalPort();
            assertFalse(PortCheck.isFree(port));
            PortCheck.Claim claim = new PortCheck.Claim("kafka", port, "--kafka-port");
            assertEquals(List.of(claim), PortCheck.taken(List.of(claim)));
        }
        assertTrue(PortCheck.isFree(port), "free again once the listener is closed");
    }

    @Test
    void aPortWithAWildcardListenerIsTaken() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            assertFalse(PortCheck.isFree(listener.getLocalPort()));
        }
    }

    @Test
    void onlyTakenPortsAreReportedWithTheFlagThatMovesThem() throws Exception {
        try (ServerSocket listener = new ServerSocket(0); ServerSocket probe = new ServerSocket(0)) {
            int taken = listener.getLocalPort();
            int free = probe.getLocalPort();
            probe.close();
            List<PortCheck.Claim> result = PortCheck.taken(List.of(
                    new PortCheck.Claim("postgres", free, "--pg-port"),
                    new PortCheck.Claim("mission-service", taken, "--mission-port")));
            assertEquals(1, result.size());
            String message = PortCheck.describe(result);
            assertTrue(message.contains("port " + taken + " (mission-service) is already in use"), message);
            assertTrue(message.contains("--mission-port"), message);
            assertFalse(message.contains(String.valueOf(free)), message);
        }
    }
}
