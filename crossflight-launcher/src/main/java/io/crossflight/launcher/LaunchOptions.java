package io.crossflight.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ./crossflight} was asked to do: the command line, with environment variables as
 * defaults under it. Parsing is pure (no file system, no sockets) so it can be tested as is.
 */
public record LaunchOptions(Command command, Path home, Path dataDir, boolean demo, Ports ports, Duration startTimeout) {

    public enum Command { UP, HELP }

    public static final int DEFAULT_INGEST_PORT = 8081;
    public static final int DEFAULT_MISSION_PORT = 8082;
    public static final int DEFAULT_CREW_PORT = 8083;
    public static final int DEFAULT_PG_PORT = 55432;
    public static final int DEFAULT_KAFKA_PORT = 59092;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    /** Environment variables the launcher reads itself; they are not passed on to the services. */
    public static final Set<String> LAUNCHER_ENV = Set.of("CROSSFLIGHT_HOME", "CROSSFLIGHT_DATA",
            "CROSSFLIGHT_INGEST_PORT", "CROSSFLIGHT_MISSION_PORT", "CROSSFLIGHT_CREW_PORT", "CROSSFLIGHT_PG_PORT",
            "CROSSFLIGHT_KAFKA_PORT", "CROSSFLIGHT_KAFKA_CONTROLLER_PORT", "CROSSFLIGHT_START_TIMEOUT");

    /** Every flag {@link #parse} accepts; the usage text must mention each (a test checks). */
    public static final List<String> FLAGS = List.of("--data", "--demo", "--ingest-port", "--mission-port",
            "--crew-port", "--pg-port", "--kafka-port", "--kafka-controller-port", "--timeout", "--help");

    /** The ports of the five parts (Kafka has two listeners). */
    public record Ports(int ingest, int mission, int crew, int postgres, int kafka, int kafkaController) {

        /** Which part wants which port, in start order, for the free-port check and its messages. */
        public List<PortCheck.Claim> claims() {
            return List.of(
                    new PortCheck.Claim("postgres", postgres, "--pg-port"),
                    new PortCheck.Claim("kafka", kafka, "--kafka-port"),
                    new PortCheck.Claim("kafka controller", kafkaController, "--kafka-controller-port"),
                    new PortCheck.Claim("news-ingest-service", ingest, "--ingest-port"),
                    new PortCheck.Claim("mission-service", mission, "--mission-port"),
                    new PortCheck.Claim("crew-service", crew, "--crew-port"));
        }
    }

    /** A command line we cannot act on; the message says why, for a person. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param args        the arguments after the program name
     * @param env         the environment (only CROSSFLIGHT_* keys of {@link #LAUNCHER_ENV} are read)
     * @param defaultHome the repository root, where the service jars, demo/ and the default data dir are
     * @param cwd         relative --data paths are resolved against it
     */
    public static LaunchOptions parse(List<String> args, Map<String, String> env, Path defaultHome, Path cwd)
            throws UsageException {
        Map<String, String> values = new HashMap<>();
        boolean demo = false;
        boolean help = false;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help", "help" -> help = true;
                case "--demo" -> {
                    if (inline != null) {
                        throw new UsageException("--demo takes no value");
                    }
                    demo = true;
                }
                case "--data", "--ingest-port", "--mission-port", "--crew-port", "--pg-port", "--kafka-port",
                        "--kafka-controller-port", "--timeout", "--home" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    if (value.isBlank()) {
                        throw new UsageException(name + " needs a value");
                    }
                    values.put(name, value);
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    positional.add(arg);
                }
            }
        }
        if (help) {
            return new LaunchOptions(Command.HELP, defaultHome, null, false, null, DEFAULT_START_TIMEOUT);
        }
        if (positional.isEmpty()) {
            throw new UsageException("no command given (did you mean ./crossflight up?)");
        }
        if (positional.size() > 1 || !positional.get(0).equals("up")) {
            throw new UsageException("unknown command " + String.join(" ", positional) + " (the command is: up)");
        }

        Path home = path(values.getOrDefault("--home", env.get("CROSSFLIGHT_HOME")), cwd, defaultHome);
        Path data = path(values.getOrDefault("--data", env.get("CROSSFLIGHT_DATA")), cwd, home.resolve(".crossflight"));

        int kafka = port(values, env, "--kafka-port", "CROSSFLIGHT_KAFKA_PORT", DEFAULT_KAFKA_PORT);
        if (kafka == 65535 && !values.containsKey("--kafka-controller-port")
                && env.get("CROSSFLIGHT_KAFKA_CONTROLLER_PORT") == null) {
            throw new UsageException("--kafka-port 65535 leaves no room for the controller: give --kafka-controller-port");
        }
        Ports ports = new Ports(
                port(values, env, "--ingest-port", "CROSSFLIGHT_INGEST_PORT", DEFAULT_INGEST_PORT),
                port(values, env, "--mission-port", "CROSSFLIGHT_MISSION_PORT", DEFAULT_MISSION_PORT),
                port(values, env, "--crew-port", "CROSSFLIGHT_CREW_PORT", DEFAULT_CREW_PORT),
                port(values, env, "--pg-port", "CROSSFLIGHT_PG_PORT", DEFAULT_PG_PORT),
                kafka,
                port(values, env, "--kafka-controller-port", "CROSSFLIGHT_KAFKA_CONTROLLER_PORT", kafka + 1));
        Map<Integer, String> seen = new HashMap<>();
        for (PortCheck.Claim claim : ports.claims()) {
            String other = seen.putIfAbsent(claim.port(), claim.name());
            if (other != null) {
                throw new UsageException("port " + claim.port() + " is given to both " + other + " and "
                        + claim.name() + "; every part needs its own port");
            }
        }

        Duration timeout = DEFAULT_START_TIMEOUT;
        String t = values.getOrDefault("--timeout", env.get("CROSSFLIGHT_START_TIMEOUT"));
        if (t != null && !t.isBlank()) {
            try {
                long seconds = Long.parseLong(t.trim());
                if (seconds < 1) {
                    throw new NumberFormatException();
                }
                timeout = Duration.ofSeconds(seconds);
            } catch (NumberFormatException e) {
                throw new UsageException("--timeout must be a whole number of seconds, not '" + t + "'");
            }
        }
        return new LaunchOptions(Command.UP, home, data, demo, ports, timeout);
    }

    private static Path path(String value, Path cwd, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback.toAbsolutePath().normalize();
        }
        return cwd.resolve(value).toAbsolutePath().normalize();
    }

    private static int port(Map<String, String> values, Map<String, String> env, String flag, String envKey, int fallback)
            throws UsageException {
        String raw = values.get(flag);
        String from = flag;
        if (raw == null) {
            raw = env.get(envKey);
            from = envKey;
        }
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(raw.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(from + " must be a port number between 1 and 65535, not '" + raw + "'");
        }
    }
}
