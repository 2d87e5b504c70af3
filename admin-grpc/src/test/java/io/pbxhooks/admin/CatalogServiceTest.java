package io.pbxhooks.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.Field;
import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.admin.v1.ListTransportTypesRequest;
import io.pbxhooks.admin.v1.ServiceType;
import io.pbxhooks.admin.v1.Setting;
import io.pbxhooks.admin.v1.TransportType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {

    private AdminApiServer api;
    private String adminKey;

    @BeforeEach
    void start() {
        api = new AdminApiServer();
        api.createAccount("acme");
        adminKey = api.createKey("acme", ApiKey.Role.ADMIN);
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void serviceTypesListTheirEventsAndWhichFieldsEachHas() {
        ServiceType hostedPbx = api.catalog(adminKey).listServiceTypes(ListServiceTypesRequest.getDefaultInstance()).getServiceTypes(0);
        assertEquals("hosted-pbx", hostedPbx.getId());
        assertEquals(5, hostedPbx.getEventsCount());
        assertEquals(List.of("date_time", "source_number", "call_uuid", "ivr_name", "option_selected"),
                hostedPbx.getEventsList().stream().filter(event -> event.getId().equals("ivr_option_selected"))
                        .findFirst().orElseThrow().getFieldIdsList());
        Field voicemail = hostedPbx.getFieldsList().stream().filter(field -> field.getId().equals("has_voicemail")).findFirst().orElseThrow();
        assertEquals(Field.ValueType.BOOLEAN, voicemail.getValueType());
        assertEquals(List.of("inbound_call_answered", "outbound_call_placed"), voicemail.getEventIdsList());
    }

    @Test
    void transportTypesListTheirFullConfigurationSchema() {
        List<TransportType> transports = api.catalog(adminKey).listTransportTypes(ListTransportTypesRequest.getDefaultInstance())
                .getTransportTypesList();
        assertEquals(List.of("webhook", "queue"), transports.stream().map(TransportType::getId).toList());
        List<Setting> webhook = transports.get(0).getSettingsList();
        Setting url = webhook.get(0);
        assertEquals("request_url", url.getName());
        assertEquals("webhook.request_url", url.getIntegrationPath());
        assertTrue(url.getRequired());
        assertFalse(url.hasDefaultValue());
        assertEquals(2048, url.getMaxLength());
        Setting method = webhook.get(1);
        assertEquals(Setting.Type.ENUM, method.getType());
        assertEquals(List.of("POST", "GET"), method.getAllowedValuesList());
        assertEquals("POST", method.getDefaultValue());
        Setting signing = webhook.stream().filter(setting -> setting.getName().equals("signing_secret")).findFirst().orElseThrow();
        assertEquals(Setting.Type.SECRET, signing.getType());
        assertEquals("Standard Webhooks signing secret", signing.getDescription());
        assertEquals("config.queue", transports.get(1).getSettings(0).getIntegrationPath());
    }
}
