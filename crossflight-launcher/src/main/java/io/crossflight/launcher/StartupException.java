package io.crossflight.launcher;

/** A part failed to start; the message is for a person (what failed, where the log is). */
class StartupException extends RuntimeException {

    StartupException(String message) {
        super(message);
    }

    /** The user asked to stop while the stack was still starting. */
    static final class Aborted extends StartupException {
        Aborted() {
            super("stop requested during startup");
        }
    }
}
