package io.crossflight.store.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    /** A DNS that must never be asked about address literals. */
    private final Map<String, String[]> dns = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final WebhookTargets strict = new WebhookTargets(false, host -> {
        lookups.incrementAndGet();
        String[] ips = dns.get(host);
        if (ips == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[ips.length];
        for (int i = 0; i < ips.length; i++) {
            out[i] = InetAddress.getByName(ips[i]);
        }
        return out;
    });

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/hook", "http://127.1.2.3:8080/", "http://10.0.0.7/", "http://172.16.0.1/", "http://172.31.255.255/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://169.254.10.10/", "http://0.0.0.0/",
            "http://100.64.0.1/", "http://224.0.0.1/", "http://255.255.255.255/",
            "http://[::1]/", "http://[::]/", "http://[fe80::1]/", "http://[fd00:ec2::254]/", "http://[fc00::1]/",
            "http://[ff02::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:7f00:1::]/", "http://2130706433/"})
    void internalAddressLiteralsAreRefused(String url) {
        assertThrows(WebhookTargets.RefusedTarget.class, () -> strict.check(url), url);
        assertEquals(0, lookups.get(), "no DNS lookup for a literal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://8.8.8.8:8080/x?y=1", "https://[2606:4700:4700::1111]/hook",
            "http://172.32.0.1/", "http://192.169.0.1/", "http://100.128.0.1/"})
    void publicAddressLiteralsAreAllowedWithoutResolving(String url) throws Exception {
        URI uri = strict.check(url);
        assertNotNull(uri.getHost());
        assertEquals(0, lookups.get());
    }

    @Test
    void namesAreCheckedOnEveryAddressTheyResolveTo() throws Exception {
        dns.put("hooks.example.com", new String[] {"93.184.216.34"});
        dns.put("localhost.example.com", new String[] {"127.0.0.1"});
        dns.put("metadata.example.com", new String[] {"169.254.169.254"});
        dns.put("mixed.example.com", new String[] {"93.184.216.34", "10.1.2.3"});

        strict.check("https://hooks.example.com/in");
        WebhookTargets.RefusedTarget e = assertThrows(WebhookTargets.RefusedTarget.class, () -> strict.check("http://localhost.example.com/"));
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        assertThrows(WebhookTargets.RefusedTarget.class, () -> strict.check("http://metadata.example.com/"));
        assertThrows(WebhookTargets.RefusedTarget.class, () -> strict.check("http://mixed.example.com/"));
        assertThrows(WebhookTargets.RefusedTarget.class, () -> strict.check("http://nowhere.example.com/"));
    }

    @Test
    void aNameThatLaterResolvesInwardIsRefusedAtDeliveryTime() throws Exception {
        dns.put("rebind.example.com", new String[] {"93.184.216.34"});
        URI uri = strict.check("https://rebind.example.com/hook");
        dns.put("rebind.example.com", new String[] {"10.0.0.5"});
        assertThrows(WebhookTargets.RefusedTarget.class, () -> strict.checkAddresses(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.216.34/", "file:///etc/passwd", "gopher://93.184.216.34/", "//93.184.216.34/x",
            "http:///nohost", "http://user:pw@93.184.216.34/", "not a url", ""})
    void onlyPlainHttpAndHttpsUrlsWithAHost(String url) {
        assertThrows(WebhookTargets.RefusedTarget.class, () -> strict.check(url), url);
    }

    @Test
    void privateTargetsPassWhenAllowed() throws Exception {
        WebhookTargets lax = new WebhookTargets(true, host -> {
            fail("no lookup needed");
            return null;
        });
        lax.check("http://127.0.0.1:9999/hook");
        lax.check("http://localhost:9999/hook");
        assertThrows(WebhookTargets.RefusedTarget.class, () -> lax.check("ftp://127.0.0.1/"));
    }

    @Test
    void classification() throws Exception {
        assertNull(WebhookTargets.forbidden(InetAddress.getByName("1.1.1.1")));
        assertNotNull(WebhookTargets.forbidden(InetAddress.getByName("172.20.1.1")));
        assertTrue(WebhookTargets.forbidden(InetAddress.getByName("169.254.169.254")).contains("metadata"));
    }
}
