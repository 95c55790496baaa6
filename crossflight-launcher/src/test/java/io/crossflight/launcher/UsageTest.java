package io.crossflight.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** ./crossflight --help prints usage.txt itself (no build needed), the launcher too: keep it complete. */
class UsageTest {

    @Test
    void usageNamesEveryFlagAndEveryVariable() {
        String usage = Crossflight.usage();
        assertTrue(usage.startsWith("Usage: ./crossflight up"), usage);
        for (String flag : LaunchOptions.FLAGS) {
            assertTrue(usage.contains(flag), "usage lacks " + flag);
        }
        for (String env : LaunchOptions.LAUNCHER_ENV) {
            if (!env.equals("CROSSFLIGHT_HOME")) {
                assertTrue(usage.contains(env), "usage lacks " + env);
            }
        }
    }

    @Test
    void theRootScriptPrintsTheSameFile() throws Exception {
        Path script = Path.of("..", "crossflight");
        String text = Files.readString(script);
        assertTrue(text.contains("crossflight-launcher/src/main/resources/io/crossflight/launcher/usage.txt"));
        assertTrue(Files.exists(Path.of("src/main/resources/io/crossflight/launcher/usage.txt")));
    }
}
