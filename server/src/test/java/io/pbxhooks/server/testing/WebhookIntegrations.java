package io.pbxhooks.server.testing;

import io.pbxhooks.admin.v1.FieldMapping;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Valid webhook integrations of the real Hosted PBX trigger and webhook transport, and fresh secrets for them. */
public final class WebhookIntegrations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookIntegrations() {
    }

    /** Answered inbound calls to a CRM: POST JSON, no authentication, one custom header, three field mappings. */
    public static Integration.Builder answeredCalls(String name) {
        return Integration.newBuilder()
                .setName(name)
                .setType("webhook")
                .setTriggerServiceType("hosted-pbx")
                .setTriggerEvent("inbound_call_answered")
                .setWebhook(Webhook.newBuilder()
                        .setRequestUrl("https://crm.example.com/hooks?source=pbx")
                        .setMethod(Webhook.Method.POST)
                        .setFormat(Webhook.Format.JSON)
                        .setPathArguments("calls/answered")
                        .addHeaders(header("X-Source", "pbxhooks")))
                .addFieldMappings(mapping("ext", "extension_number"))
                .addFieldMappings(mapping("caller", "source_number"))
                .addFieldMappings(mapping("when", "date_time"));
    }

    /** {@link #answeredCalls} with BASIC authentication and a signing secret. */
    public static Integration.Builder answeredCallsWithSecrets(String name, String password, String signingSecret) {
        Integration.Builder integration = answeredCalls(name);
        integration.getWebhookBuilder()
                .setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.BASIC).setUsername("crm-user").setPassword(password))
                .setSigningSecret(signingSecret);
        return integration;
    }

    /** The IVR option a caller chose, POSTed as JSON to {@code url}: the call's UUID as "call", the option as "option". */
    public static Integration.Builder ivrChoices(String url) {
        return Integration.newBuilder()
                .setName("IVR choices")
                .setType("webhook")
                .setTriggerServiceType("hosted-pbx")
                .setTriggerEvent("ivr_option_selected")
                .setWebhook(Webhook.newBuilder().setRequestUrl(url).setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON))
                .addFieldMappings(mapping("call", "call_uuid"))
                .addFieldMappings(mapping("option", "option_selected"));
    }

    public static FieldMapping mapping(String requestKey, String field) {
        return FieldMapping.newBuilder().setRequestKey(requestKey).setField(field).build();
    }

    public static Webhook.Header header(String name, String value) {
        return Webhook.Header.newBuilder().setName(name).setValue(value).build();
    }

    /** A Standard Webhooks signing secret: {@code whsec_} and the Base64 of 32 random bytes. */
    public static String newSigningSecret() {
        return "whsec_" + Base64.getEncoder().encodeToString(randomBytes(32));
    }

    /** A recognisable random text, e.g. a password, to grep for. */
    public static String newSecret(String prefix) {
        return prefix + HexFormat.of().formatHex(randomBytes(16));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
