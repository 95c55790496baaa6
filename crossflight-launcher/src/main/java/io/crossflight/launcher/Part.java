package io.crossflight.launcher;

import java.nio.file.Path;

/** One running piece of the stack: PostgreSQL, Kafka or a service. */
interface Part {

    String name();

    /** Where its output goes; error messages point there. */
    Path logFile();

    boolean isAlive();

    /** The last lines of its log, indented, for error messages. */
    default String logTail(int lines) {
        return Console.tail(logFile(), lines);
    }

    /** Stops it cleanly, forcing after the grace period; never throws. */
    void stop();
}
