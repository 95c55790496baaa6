package io.crossflight.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import sun.misc.Signal;

/**
 * {@code ./crossflight up}: the whole system on one machine without Docker. The root script
 * builds what is missing and then runs this class from
 * {@code crossflight-launcher/target/crossflight-launcher.jar}, whose {@code lib/} holds the
 * broker and PostgreSQL jars.
 */
public final class Crossflight {

    private Crossflight() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Path jarOrClasses = codeLocation();
        // target/crossflight-launcher.jar (or target/classes) -> target -> module -> repository
        Path target = jarOrClasses.getParent();
        Path defaultHome = target.getParent().getParent();
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(Arrays.asList(args), System.getenv(), defaultHome, Path.of("").toAbsolutePath());
        } catch (LaunchOptions.UsageException e) {
            Console.error(e.getMessage());
            System.err.println("Try ./crossflight --help");
            return 2;
        }
        if (options.command() == LaunchOptions.Command.HELP) {
            System.out.print(usage());
            return 0;
        }
        // Log4j (used by the Kafka admin client and zonky) writes to DIR/logs/launcher.log, see log4j2.xml.
        System.setProperty("crossflight.logs", options.dataDir().resolve("logs").toString());

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Stack stack = new Stack(options, System.getenv(), java, target.resolve("lib"));
        // Our own handlers instead of the JVM's default (exit 130/143 while hooks race): stop in
        // order on the main thread, then exit 0. The hook covers any other way out. sun.misc.Signal
        // lives in jdk.unsupported, kept exactly for this use; there is no public replacement.
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), sig -> stack.requestStop("SIG" + sig.getName() + " received"));
            } catch (IllegalArgumentException e) {
                // signal not available here (or reserved by -Xrs): the shutdown hook still stops the parts
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "crossflight-stop"));
        return stack.up();
    }

    static String usage() {
        try (InputStream in = Crossflight.class.getResourceAsStream("usage.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            return "Usage: ./crossflight up [--data DIR] [--demo]\n";
        }
    }

    private static Path codeLocation() {
        try {
            return Path.of(Crossflight.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
