package io.crossflight.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The launcher's own output: one short line per event, the part's name in a column. */
final class Console {

    static final int NAME_WIDTH = 20;

    private Console() {
    }

    static synchronized void line(String part, String message) {
        System.out.printf("%-" + NAME_WIDTH + "s %s%n", part, message);
        System.out.flush();
    }

    static synchronized void plain(String message) {
        System.out.println(message);
        System.out.flush();
    }

    static synchronized void error(String message) {
        System.err.println("crossflight: " + message);
        System.err.flush();
    }

    static String seconds(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /** The last lines of a log, indented, for error messages; empty if it cannot be read. */
    static String tail(Path file, int lines) {
        return tail(file, lines, 0);
    }

    /** The last lines of a log written after byte offset {@code from} (this run's part of it). */
    static String tail(Path file, int lines, long from) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(Math.max(0, from), raf.length() - 16_384);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            StringBuilder sb = new StringBuilder();
            for (String l : all.subList(Math.max(0, all.size() - lines), all.size())) {
                sb.append("    | ").append(l).append('\n');
            }
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
