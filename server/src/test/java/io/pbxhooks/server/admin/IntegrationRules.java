package io.pbxhooks.server.admin;

import static io.pbxhooks.server.testing.WebhookIntegrations.header;
import static io.pbxhooks.server.testing.WebhookIntegrations.mapping;

import com.google.protobuf.Duration;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rules of design.md's integration table, each as a change that breaks it in the valid
 * {@link WebhookIntegrations#answeredCalls} (one header, three field mappings), with the one violation it must cause.
 */
final class IntegrationRules {

    private IntegrationRules() {
    }

    /** A request that breaks one rule: the change to a valid integration, the violated path and a part of its message. */
    record Rule(String name, Consumer<Integration.Builder> breaking, String path, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Rule> all() {
        String webhook = "integration.webhook.";
        return List.of(
                new Rule("name required", integration -> integration.setName(" "), "integration.name", "name is required"),
                new Rule("name at most 100", integration -> integration.setName("n".repeat(101)), "integration.name", "at most 100 characters"),
                new Rule("request URL required", integration -> webhook(integration).clearRequestUrl(), webhook + "request_url", "Request URL is required"),
                new Rule("request URL absolute", integration -> webhook(integration).setRequestUrl("/hooks"), webhook + "request_url", "must be absolute"),
                new Rule("request URL http or https", integration -> webhook(integration).setRequestUrl("ftp://crm.example.com/in"),
                        webhook + "request_url", "must use http or https"),
                new Rule("request URL without user-info", integration -> webhook(integration).setRequestUrl("https://crm:pw@crm.example.com/"),
                        webhook + "request_url", "must not contain a user name or password"),
                new Rule("request URL without fragment", integration -> webhook(integration).setRequestUrl("https://crm.example.com/#top"),
                        webhook + "request_url", "must not contain a fragment"),
                new Rule("request URL at most 2048", integration -> webhook(integration).setRequestUrl("https://crm.example.com/" + "a".repeat(2030)),
                        webhook + "request_url", "at most 2048 characters"),
                new Rule("method POST or GET", integration -> webhook(integration).setMethodValue(7), webhook + "method", "must be one of POST, GET"),
                new Rule("GET is not JSON", integration -> webhook(integration).setMethod(Webhook.Method.GET), webhook + "format",
                        "Format JSON cannot be used with method GET"),
                new Rule("format JSON or QUERY", integration -> webhook(integration).setFormatValue(7), webhook + "format",
                        "Format must be one of JSON, QUERY (got \"7\")"),
                new Rule("an unspecified format is JSON, which GET cannot use", integration -> webhook(integration)
                        .setMethod(Webhook.Method.GET).setFormat(Webhook.Format.FORMAT_UNSPECIFIED), webhook + "format",
                        "Format JSON cannot be used with method GET"),
                new Rule("path arguments are a path", integration -> webhook(integration).setPathArguments("calls?x=1"), webhook + "path_arguments",
                        "must not contain '?'"),
                new Rule("BASIC needs a username", integration -> webhook(integration).setAuth(Webhook.Auth.newBuilder()
                        .setType(Webhook.Auth.Type.BASIC).setPassword("pw")), webhook + "auth.username", "Username is required when Authentication is BASIC"),
                new Rule("TOKEN needs a token", integration -> webhook(integration).setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.TOKEN)),
                        webhook + "auth.token", "Token is required when Authentication is TOKEN"),
                new Rule("header name is a token", integration -> webhook(integration).addHeaders(header("X Tenant", "acme")),
                        webhook + "headers[1].name", "Header name may contain only"),
                new Rule("header value without CR/LF", integration -> webhook(integration).addHeaders(header("X-Tenant", "acme\r\nX-Evil: 1")),
                        webhook + "headers[1].value", "no line breaks"),
                new Rule("Content-Type is the transport's", integration -> webhook(integration).addHeaders(header("content-type", "text/plain")),
                        webhook + "headers[1].name", "Header Content-Type is set by the webhook transport"),
                new Rule("signature headers are the transport's", integration -> webhook(integration).addHeaders(header("webhook-signature", "v1,x")),
                        webhook + "headers[1].name", "Header webhook-signature is set by the webhook transport"),
                new Rule("Content-Length is the transport's", integration -> webhook(integration).addHeaders(header("Content-Length", "12")),
                        webhook + "headers[1].name", "Header Content-Length is set by the webhook transport"),
                new Rule("Host is the transport's", integration -> webhook(integration).addHeaders(header("host", "crm.internal")),
                        webhook + "headers[1].name", "Header Host is set by the webhook transport"),
                new Rule("webhook-id is the transport's", integration -> webhook(integration).addHeaders(header("webhook-id", "msg_1")),
                        webhook + "headers[1].name", "Header webhook-id is set by the webhook transport"),
                new Rule("webhook-timestamp is the transport's", integration -> webhook(integration).addHeaders(header("Webhook-Timestamp", "1700000000")),
                        webhook + "headers[1].name", "Header webhook-timestamp is set by the webhook transport"),
                new Rule("Authorization is BASIC auth's", integration -> webhook(integration).addHeaders(header("authorization", "Basic eDp5"))
                        .setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.BASIC).setUsername("crm-user").setPassword("pw")),
                        webhook + "headers[1].name", "Header Authorization is set by BASIC authentication"),
                new Rule("Authorization is the auth's", integration -> webhook(integration).addHeaders(header("Authorization", "Bearer x"))
                        .setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.TOKEN).setToken("t0ken")),
                        webhook + "headers[1].name", "Header Authorization is set by TOKEN authentication"),
                new Rule("header names once", integration -> webhook(integration).addHeaders(header("x-source", "again")),
                        webhook + "headers[1].name", "is already set by headers[0]"),
                new Rule("signing secret format", integration -> webhook(integration).setSigningSecret("sig-secret"),
                        webhook + "signing_secret", "does not start with \"whsec_\""),
                new Rule("signing secret length", integration -> webhook(integration)
                        .setSigningSecret("whsec_" + Base64.getEncoder().encodeToString(new byte[8])), webhook + "signing_secret", "decodes to 8 bytes"),
                new Rule("timeout within 30 s", integration -> webhook(integration).setTimeout(Duration.newBuilder().setSeconds(31)),
                        webhook + "timeout", "between 1 and 30000 milliseconds"),
                new Rule("request key required", integration -> integration.addFieldMappings(mapping("", "call_uuid")),
                        "integration.field_mappings[3].request_key", "Request key is required"),
                new Rule("request keys unique", integration -> integration.addFieldMappings(mapping("ext", "call_uuid")),
                        "integration.field_mappings[3].request_key", "Request key \"ext\" is already used by field_mappings[0]"),
                new Rule("mapped field exists", integration -> integration.addFieldMappings(mapping("ivr", "ivr_name")),
                        "integration.field_mappings[3].field", "event inbound_call_answered has no field \"ivr_name\""),
                new Rule("webhook settings in webhook", integration -> integration.putConfig("request_url", "https://x.example"),
                        "integration.config", "must be empty for type webhook"),
                new Rule("known transport type", integration -> integration.setType("sms").clearWebhook(), "integration.type",
                        "unknown transport type \"sms\""),
                new Rule("known service type", integration -> integration.setTriggerServiceType("crm"), "integration.trigger_service_type",
                        "unknown service type \"crm\""),
                new Rule("known event", integration -> integration.setTriggerEvent("call_ended"), "integration.trigger_event",
                        "unknown event \"call_ended\" of service type hosted-pbx"));
    }


    private static Webhook.Builder webhook(Integration.Builder integration) {
        return integration.getWebhookBuilder();
    }
}
