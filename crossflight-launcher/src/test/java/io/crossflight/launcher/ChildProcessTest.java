package io.crossflight.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void childGetsTheAddedVariablesButNotTheRemovedOnesAndLogsToItsFile() throws Exception {
        Path log = dir.resolve("logs/env.log");
        ChildProcess child = ChildProcess.start("env", List.of("/usr/bin/env"), Map.of("QUARKUS_HTTP_PORT", "18082"),
                Set.of("HOME"), dir, log, Duration.ofSeconds(5));
        assertTrue(child.process().waitFor(10, TimeUnit.SECONDS));
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.get(0).startsWith("===="), "a header names the run: " + lines.get(0));
        assertTrue(lines.contains("QUARKUS_HTTP_PORT=18082"), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("HOME=")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("PATH=")), "the rest is inherited: " + lines);
    }

    @Test
    void stopTerminatesAndForcesWhenSigtermIsIgnored() throws Exception {
        Path log = dir.resolve("stubborn.log");
        ChildProcess child = ChildProcess.start("stubborn",
                List.of("/bin/bash", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"),
                Map.of(), Set.of(), dir, log, Duration.ofMillis(500));
        // The header line quotes the command, so wait for the line the script itself prints.
        waitFor(() -> Files.readAllLines(log).contains("ready"));
        long t = System.nanoTime();
        child.stop();
        long took = System.nanoTime() - t;
        assertFalse(child.isAlive());
        assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(500), "SIGTERM was ignored, so it waited the grace period");
        assertTrue(took < TimeUnit.SECONDS.toNanos(8), "then forced");
    }

    @Test
    void logTailShowsOnlyThisRun() throws Exception {
        Path log = dir.resolve("svc.log");
        Files.writeString(log, "old run line\n");
        ChildProcess child = ChildProcess.start("svc", List.of("/bin/echo", "new run line"), Map.of(), Set.of(),
                dir, log, Duration.ofSeconds(5));
        child.process().waitFor(10, TimeUnit.SECONDS);
        String tail = child.logTail(10);
        assertTrue(tail.contains("new run line"), tail);
        assertFalse(tail.contains("old run line"), tail);
        assertEquals(0, child.process().exitValue());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!check.ok()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(50);
        }
    }
}
