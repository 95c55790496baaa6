package io.crossflight.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 server from the zonky embedded binaries, its data directory kept in
 * {@code DIR/postgres} across restarts.
 */
final class PostgresPart implements Part {

    static final String USER = "postgres";
    /** Local trust authentication ignores it; set so the services' config is complete. */
    static final String PASSWORD = "postgres";
    static final List<String> DATABASES = List.of("ingest", "missions", "crew");

    private final EmbeddedPostgres pg;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final long logStart;
    final boolean fresh;

    private PostgresPart(EmbeddedPostgres pg, Path dataDir, Path logFile, long logStart, int port, boolean fresh) {
        this.pg = pg;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.logStart = logStart;
        this.port = port;
        this.fresh = fresh;
    }

    /** Where this run's output starts in the log file (it is appended to across runs). */
    static long logSize(Path logFile) {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static PostgresPart start(Path dataDir, Path logFile, int port, Duration timeout) throws IOException {
        boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
        long logStart = logSize(logFile);
        Files.createDirectories(dataDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // Our own shutdown stops it after the services, not in parallel with them.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(timeout)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky tunes for throw-away test databases; this one keeps the user's data.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return new PostgresPart(pg, dataDir, logFile, logStart, port, fresh);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the services' databases that do not exist yet; returns how many it created. */
    int createDatabases() throws SQLException {
        int created = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            for (String db : DATABASES) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    ps.setString(1, db);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE DATABASE " + db);
                    created++;
                }
            }
        }
        return created;
    }

    /** The postmaster's pid, from the pid file it keeps in its data directory. */
    static Optional<Long> postmasterPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public String logTail(int lines) {
        return Console.tail(logFile, lines, logStart);
    }

    @Override
    public boolean isAlive() {
        return postmasterPid(dataDir).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    /** pg_ctl stop -m fast: ends sessions, checkpoints, removes the pid file. */
    @Override
    public void stop() {
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            Console.error("stopping PostgreSQL: " + e.getMessage() + " (see " + logFile + ")");
        }
    }
}
