package io.pbxhooks.admin;

import io.pbxhooks.admin.v1.FieldMapping;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;

/** Valid integrations to start tests from. */
final class SampleIntegrations {

    private SampleIntegrations() {
    }

    static Integration.Builder webhook(String name) {
        return Integration.newBuilder()
                .setName(name)
                .setType("webhook")
                .setTriggerServiceType("hosted-pbx")
                .setTriggerEvent("inbound_call_answered")
                .setWebhook(Webhook.newBuilder()
                        .setRequestUrl("https://crm.example.com/hooks/calls")
                        .setMethod(Webhook.Method.POST)
                        .setFormat(Webhook.Format.JSON)
                        .addHeaders(Webhook.Header.newBuilder().setName("X-Source").setValue("pbx")))
                .addFieldMappings(mapping("ext", "extension_number"))
                .addFieldMappings(mapping("when", "date_time"));
    }

    static Integration.Builder queue(String name) {
        return Integration.newBuilder()
                .setName(name)
                .setType("queue")
                .setTriggerServiceType("hosted-pbx")
                .setTriggerEvent("inbound_call_received")
                .putConfig("queue", "calls")
                .addFieldMappings(mapping("call", "call_uuid"));
    }

    static FieldMapping mapping(String requestKey, String field) {
        return FieldMapping.newBuilder().setRequestKey(requestKey).setField(field).build();
    }
}
