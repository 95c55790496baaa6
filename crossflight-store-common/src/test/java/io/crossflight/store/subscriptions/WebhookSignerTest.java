package io.crossflight.store.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.crossflight.testkit.WebhookReceiver;

class WebhookSignerTest {

    @Test
    void reproducesTheStandardWebhooksReferenceVector() {
        // Published with the Standard Webhooks reference libraries: a receiver's stock library accepts what we send.
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L, "{\"test\": 2432232314}"));
    }

    @Test
    void anIndependentVerifierAcceptsOurSignatureAndRejectsTampering() throws Exception {
        String secret = WebhookSigner.newSecret();
        String body = "{\"type\":\"mission.changed\",\"id\":\"soyuz-ms-22\",\"changes\":[]}";
        String header = WebhookSigner.sign(secret, "msg_1", 1_700_000_000L, body);

        assertEquals(header, WebhookReceiver.sign(secret, "msg_1", 1_700_000_000L, body));
        assertFalse(WebhookReceiver.sign(secret, "msg_1", 1_700_000_000L, body + " ").equals(header));
        assertFalse(WebhookReceiver.sign(secret, "msg_2", 1_700_000_000L, body).equals(header));
        assertFalse(WebhookReceiver.sign(secret, "msg_1", 1_700_000_001L, body).equals(header));
    }

    @Test
    void newSecretsAreWhsecWith32RandomBytes() {
        String a = WebhookSigner.newSecret();
        String b = WebhookSigner.newSecret();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(a.substring(6)).length);
        assertFalse(a.equals(b));
    }

    @Test
    void verifyAcceptsAnyOfSeveralSignaturesAndNothingElse() {
        String secret = WebhookSigner.newSecret();
        String sig = WebhookSigner.sign(secret, "msg_x", 42, "{}");
        assertTrue(WebhookSigner.verify(secret, "msg_x", 42, "{}", "v1,bm9wZQ== " + sig));
        assertFalse(WebhookSigner.verify(secret, "msg_x", 42, "{} ", sig));
        assertFalse(WebhookSigner.verify(WebhookSigner.newSecret(), "msg_x", 42, "{}", sig));
    }
}
