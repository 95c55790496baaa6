package io.crossflight.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds out, before anything starts, whether every port the stack needs is free. */
public final class PortCheck {

    /** A part of the stack and the port it will listen on; {@code flag} is how to choose another. */
    public record Claim(String name, int port, String flag) {
    }

    private PortCheck() {
    }

    /**
     * Whether nothing listens on this port. Checks the wildcard address: the services bind
     * 0.0.0.0, and on Linux a wildcard bind also collides with a listener on any single address
     * (127.0.0.1 included), so this is the strictest test. SO_REUSEADDR is on, as in the servers
     * themselves, so a port whose last connections linger in TIME_WAIT still counts as free.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The claims whose port is taken, in the order given. */
    public static List<Claim> taken(List<Claim> claims) {
        List<Claim> taken = new ArrayList<>();
        for (Claim claim : claims) {
            if (!isFree(claim.port())) {
                taken.add(claim);
            }
        }
        return taken;
    }

    /** One line per taken port, naming the part and the flag that moves it. */
    public static String describe(List<Claim> taken) {
        StringBuilder sb = new StringBuilder();
        for (Claim claim : taken) {
            sb.append("port ").append(claim.port()).append(" (").append(claim.name())
                    .append(") is already in use; stop whatever listens there or choose another with ")
                    .append(claim.flag()).append(" N\n");
        }
        return sb.toString();
    }
}
