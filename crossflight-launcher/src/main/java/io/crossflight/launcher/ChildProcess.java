package io.crossflight.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child JVM (the Kafka broker or a service) whose output goes to its own log file. */
final class ChildProcess implements Part {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Path logFile;
    private final Duration stopGrace;
    private final Process process;
    private final long logStart;

    private ChildProcess(String name, Path logFile, Duration stopGrace, Process process, long logStart) {
        this.name = name;
        this.logFile = logFile;
        this.stopGrace = stopGrace;
        this.process = process;
        this.logStart = logStart;
    }

    /**
     * Starts {@code command} with {@code env} added to (and {@code removeEnv} taken from) this
     * process's environment. The child gets its own session where setsid(1) exists, so a Ctrl-C
     * at the terminal reaches only the launcher, which then stops the parts in order instead of
     * every process dying at once.
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> env, Iterable<String> removeEnv,
            Path workDir, Path logFile, Duration stopGrace) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            cmd.add(SETSID.toString());
        }
        cmd.addAll(command);
        try {
            Files.createDirectories(logFile.getParent());
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            Files.writeString(logFile, "==== " + OffsetDateTime.now() + " crossflight up starts " + name + ": "
                    + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(workDir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true);
            removeEnv.forEach(pb.environment()::remove);
            pb.environment().putAll(env);
            return new ChildProcess(name, logFile, stopGrace, pb.start(), logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    Process process() {
        return process;
    }

    /** The last lines this run wrote to the log, for error messages. */
    @Override
    public String logTail(int lines) {
        return Console.tail(logFile, lines, logStart);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, which the JVM turns into an orderly shutdown; SIGKILL if it is not gone in time. */
    @Override
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                Console.line(name, "did not stop within " + stopGrace.toSeconds() + " s; killing it");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
