package io.crossflight.store.subscriptions;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The SSRF guard for webhook callbacks: only http(s), and never to an address inside the
 * service's own network (loopback, private, link-local, cloud metadata, unspecified, multicast,
 * carrier-grade NAT, IPv6 unique-local), checked on the URL when a subscription is made and on
 * the resolved addresses again before every delivery (DNS may change in between). Redirects are
 * never followed, so a public host cannot bounce a delivery inward.
 */
public final class WebhookTargets {

    /** Host name to addresses; a seam for tests, {@link InetAddress#getAllByName} otherwise. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a callback URL is refused; the message is meant for the client. */
    public static final class RefusedTarget extends Exception {
        public RefusedTarget(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public WebhookTargets(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    /** Parses and checks a callback URL, resolving its host unless it is an address literal. */
    public URI check(String url) throws RefusedTarget {
        URI uri = parse(url);
        checkAddresses(uri);
        return uri;
    }

    public static URI parse(String url) throws RefusedTarget {
        if (url == null || url.isBlank()) {
            throw new RefusedTarget("callbackUrl is required.");
        }
        if (url.length() > 2048) {
            throw new RefusedTarget("callbackUrl is longer than 2048 characters.");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new RefusedTarget("callbackUrl is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTarget("callbackUrl must be an absolute http or https URL.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedTarget("callbackUrl has no host" + (uri.getRawAuthority() != null ? " that can be parsed: " + uri.getRawAuthority() : "."));
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedTarget("callbackUrl must not carry credentials in the URL.");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedTarget("callbackUrl must not have a #fragment.");
        }
        return uri;
    }

    /** Resolves the host (no lookup for an address literal) and refuses internal addresses. */
    public void checkAddresses(URI uri) throws RefusedTarget {
        if (allowPrivate) {
            return;
        }
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = isLiteral(host) ? new InetAddress[] {InetAddress.getByName(host)} : resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedTarget("The callback host " + host + " does not resolve.");
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedTarget("The callback host " + host + " does not resolve.");
        }
        for (InetAddress a : addresses) {
            String why = forbidden(a);
            if (why != null) {
                throw new RefusedTarget("The callback host " + host + " is or resolves to " + a.getHostAddress() + ", "
                        + why + "; webhooks only go to public addresses (set CROSSFLIGHT_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true to allow it).");
            }
        }
    }

    static boolean isLiteral(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+") || host.contains(":");
    }

    /** Why this address is not a public unicast one, or null when it is. */
    public static String forbidden(InetAddress a) {
        if (a instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                String why = forbidden(embedded);
                return why == null ? null : why + " (embedded in an IPv6 address)";
            }
            if (a.isAnyLocalAddress()) {
                return "the unspecified address";
            }
            if (a.isLoopbackAddress()) {
                return "a loopback address";
            }
            if (a.isMulticastAddress()) {
                return "a multicast address";
            }
            if (a.isLinkLocalAddress()) {
                return "a link-local address";
            }
            if (a.isSiteLocalAddress()) {
                return "a site-local address";
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private (unique-local fc00::/7) address, which includes cloud metadata fd00:ec2::254";
            }
            if ((b[0] & 0xff) == 0x01 && b[1] == 0 && allZero(b, 2, 8)) {
                return "a discard-only address";
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return "a documentation address";
            }
            return null;
        }
        byte[] b = a.getAddress();
        int o0 = b[0] & 0xff;
        int o1 = b[1] & 0xff;
        int o2 = b[2] & 0xff;
        if (o0 == 169 && o1 == 254 && o2 == 169 && (b[3] & 0xff) == 254) {
            return "the cloud metadata address";
        }
        if (o0 == 0) {
            return "the unspecified (0.0.0.0/8) address";
        }
        if (o0 == 127) {
            return "a loopback address";
        }
        if (o0 == 10 || (o0 == 172 && o1 >= 16 && o1 <= 31) || (o0 == 192 && o1 == 168)) {
            return "a private address";
        }
        if (o0 == 169 && o1 == 254) {
            return "a link-local address";
        }
        if (o0 == 100 && o1 >= 64 && o1 <= 127) {
            return "a carrier-grade NAT (shared, 100.64.0.0/10) address";
        }
        if (o0 == 192 && o1 == 0 && (o2 == 0 || o2 == 2)) {
            return "a reserved (IETF protocol or documentation) address";
        }
        if (o0 == 198 && (o1 == 18 || o1 == 19)) {
            return "a reserved benchmarking address";
        }
        if ((o0 == 198 && o1 == 51 && o2 == 100) || (o0 == 203 && o1 == 0 && o2 == 113)) {
            return "a documentation address";
        }
        if (o0 >= 224 && o0 <= 239) {
            return "a multicast address";
        }
        if (o0 >= 240) {
            return "a reserved or broadcast address";
        }
        return null;
    }

    /** IPv4-compatible (::a.b.c.d), IPv4-mapped (which Java already unwraps), NAT64 (64:ff9b::/96) and 6to4 (2002::/16). */
    private static InetAddress embeddedIpv4(byte[] b) {
        try {
            if (allZero(b, 0, 12) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0)) {
                return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
                return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return Inet4Address.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException impossible) {
            return null;
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
