package io.crossflight.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path HOME = Path.of("/repo");
    private static final Path CWD = Path.of("/somewhere/else");

    private static LaunchOptions parse(Map<String, String> env, String... args) throws LaunchOptions.UsageException {
        return LaunchOptions.parse(List.of(args), env, HOME, CWD);
    }

    private static LaunchOptions parse(String... args) throws LaunchOptions.UsageException {
        return parse(Map.of(), args);
    }

    private static String error(Map<String, String> env, String... args) {
        return assertThrows(LaunchOptions.UsageException.class, () -> parse(env, args)).getMessage();
    }

    private static String error(String... args) {
        return error(Map.of(), args);
    }

    @Test
    void upAloneUsesTheContractPortsAndTheRepositoryDataDir() throws Exception {
        LaunchOptions o = parse("up");
        assertEquals(LaunchOptions.Command.UP, o.command());
        assertEquals(Path.of("/repo/.crossflight"), o.dataDir());
        assertFalse(o.demo());
        assertEquals(new LaunchOptions.Ports(8081, 8082, 8083, 55432, 59092, 59093), o.ports());
        assertEquals(Duration.ofSeconds(180), o.startTimeout());
    }

    @Test
    void relativeDataDirIsResolvedAgainstTheWorkingDirectoryAndAbsoluteKept() throws Exception {
        assertEquals(Path.of("/somewhere/else/state"), parse("up", "--data", "state").dataDir());
        assertEquals(Path.of("/somewhere/state"), parse("up", "--data=../state").dataDir());
        assertEquals(Path.of("/tmp/x"), parse("up", "--data", "/tmp/x/").dataDir());
    }

    @Test
    void everyPortHasAFlagAndTheControllerFollowsTheKafkaPort() throws Exception {
        LaunchOptions o = parse("up", "--ingest-port", "18081", "--mission-port=18082", "--crew-port", "18083",
                "--pg-port", "15432", "--kafka-port", "19092", "--demo");
        assertEquals(new LaunchOptions.Ports(18081, 18082, 18083, 15432, 19092, 19093), o.ports());
        assertTrue(o.demo());
        assertEquals(29000, parse("up", "--kafka-controller-port", "29000").ports().kafkaController());
    }

    @Test
    void environmentGivesDefaultsAndFlagsWin() throws Exception {
        Map<String, String> env = Map.of("CROSSFLIGHT_MISSION_PORT", "9082", "CROSSFLIGHT_KAFKA_PORT", "49092",
                "CROSSFLIGHT_DATA", "envdata", "CROSSFLIGHT_START_TIMEOUT", "30");
        LaunchOptions fromEnv = parse(env, "up");
        assertEquals(9082, fromEnv.ports().mission());
        assertEquals(49092, fromEnv.ports().kafka());
        assertEquals(49093, fromEnv.ports().kafkaController());
        assertEquals(Path.of("/somewhere/else/envdata"), fromEnv.dataDir());
        assertEquals(Duration.ofSeconds(30), fromEnv.startTimeout());

        LaunchOptions flags = parse(env, "up", "--mission-port", "7082", "--data", "/d", "--timeout", "5");
        assertEquals(7082, flags.ports().mission());
        assertEquals(Path.of("/d"), flags.dataDir());
        assertEquals(Duration.ofSeconds(5), flags.startTimeout());
    }

    @Test
    void helpWinsWherever() throws Exception {
        assertEquals(LaunchOptions.Command.HELP, parse("--help").command());
        assertEquals(LaunchOptions.Command.HELP, parse("up", "-h").command());
        assertEquals(LaunchOptions.Command.HELP, parse("help").command());
    }

    @Test
    void badCommandLinesAreRefusedWithAReason() {
        assertTrue(error().contains("no command"));
        assertTrue(error("down").contains("unknown command down"));
        assertTrue(error("up", "--verbose").contains("unknown option --verbose"));
        assertTrue(error("up", "--data").contains("--data needs a value"));
        assertTrue(error("up", "--data", "--demo").contains("--data needs a value"));
        assertTrue(error("up", "--demo=yes").contains("--demo takes no value"));
        assertTrue(error("up", "--pg-port", "0").contains("--pg-port must be a port number"));
        assertTrue(error("up", "--crew-port", "70000").contains("between 1 and 65535"));
        assertTrue(error("up", "--ingest-port", "http").contains("not 'http'"));
        assertTrue(error(Map.of("CROSSFLIGHT_PG_PORT", "x"), "up").contains("CROSSFLIGHT_PG_PORT must be a port number"));
        assertTrue(error("up", "--timeout", "0").contains("--timeout must be a whole number"));
        assertTrue(error("up", "--kafka-port", "65535").contains("--kafka-controller-port"));
    }

    @Test
    void twoPartsCannotShareAPort() {
        String message = error("up", "--pg-port", "8083");
        assertTrue(message.contains("port 8083 is given to both postgres and crew-service"), message);
        // The controller defaults to Kafka + 1, which may hit another part.
        assertTrue(error("up", "--kafka-port", "8080").contains("kafka controller and news-ingest-service"));
    }

    @Test
    void everyLauncherVariableIsOneTheLauncherReads() {
        for (String key : LaunchOptions.LAUNCHER_ENV) {
            assertTrue(key.startsWith("CROSSFLIGHT_"), key);
        }
        // What the services need from the same namespace must reach them.
        assertFalse(LaunchOptions.LAUNCHER_ENV.contains("CROSSFLIGHT_API_TOKEN"));
        assertFalse(LaunchOptions.LAUNCHER_ENV.contains("CROSSFLIGHT_WEBHOOKS_ALLOW_PRIVATE_TARGETS"));
    }
}
