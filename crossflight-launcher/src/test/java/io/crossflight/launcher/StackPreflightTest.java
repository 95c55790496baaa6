package io.crossflight.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What up() refuses before it starts anything: missing builds, taken ports. */
class StackPreflightTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private Stack stack(String... args) throws Exception {
        LaunchOptions o = LaunchOptions.parse(List.of(args), Map.of(), home, home);
        return new Stack(o, Map.of(), Path.of("java"), home.resolve("lib"));
    }

    private void fakeBuild() throws Exception {
        for (String s : List.of("news-ingest-service", "mission-service", "crew-service")) {
            Path jar = home.resolve(s).resolve("target/quarkus-app/quarkus-run.jar");
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "not really a jar");
        }
        Files.createDirectories(home.resolve("lib"));
    }

    private static int[] freePorts(int n) throws Exception {
        int[] ports = new int[n];
        ServerSocket[] sockets = new ServerSocket[n];
        for (int i = 0; i < n; i++) {
            sockets[i] = new ServerSocket(0);
            ports[i] = sockets[i].getLocalPort();
        }
        for (ServerSocket s : sockets) {
            s.close();
        }
        return ports;
    }

    @Test
    void refusesWhenTheServicesAreNotBuilt() throws Exception {
        assertEquals(1, stack("up").up());
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("not built yet"), message);
        assertTrue(message.contains("mission-service/target/quarkus-app/quarkus-run.jar"), message);
        assertFalse(Files.exists(home.resolve(".crossflight/postgres")), "nothing was started");
    }

    @Test
    void refusesATakenPortNamingItAndStartsNothing() throws Exception {
        fakeBuild();
        int[] p = freePorts(6);
        try (ServerSocket squatter = new ServerSocket(p[4])) {
            Stack stack = stack("up", "--data", "d", "--ingest-port", "" + p[0], "--mission-port", "" + p[1],
                    "--crew-port", "" + p[2], "--pg-port", "" + p[3], "--kafka-port", "" + p[4],
                    "--kafka-controller-port", "" + p[5]);
            assertEquals(1, stack.up());
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("port " + p[4] + " (kafka) is already in use"), message);
        assertTrue(message.contains("--kafka-port"), message);
        assertFalse(Files.exists(home.resolve("d/postgres")), "nothing was started");
        assertFalse(Files.exists(home.resolve("d/kafka")), "nothing was started");
    }

    @Test
    void reportsProcessesLeftOverFromAKilledRun() throws Exception {
        Path data = Files.createDirectories(home.resolve("d"));
        Process stray = new ProcessBuilder("/bin/bash", "-c", "sleep 30; :", "kafka.Kafka").start();
        try {
            Stack.Leftovers.record(data, "kafka", stray.pid());
            Stack.Leftovers.record(data, "mission-service", 999_999_999L);
            String message = Stack.Leftovers.describe(data);
            assertTrue(message.contains("kafka (pid " + stray.pid() + ")"), message);
            assertTrue(message.contains("kill " + stray.pid()), message);
            assertFalse(message.contains("mission-service"), "a dead pid is no leftover: " + message);
        } finally {
            stray.destroyForcibly().waitFor();
        }
        assertEquals("", Stack.Leftovers.describe(data), "nothing alive: nothing to report");
        assertFalse(Files.exists(data.resolve("pids")));
    }
}
