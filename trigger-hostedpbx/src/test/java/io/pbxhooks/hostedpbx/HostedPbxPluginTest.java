package io.pbxhooks.hostedpbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.pbxhooks.hostedpbx.v1.CallEvent.Direction;
import io.pbxhooks.hostedpbx.v1.CallEvent.Kind;
import com.google.protobuf.DescriptorProtos;
import io.pbxhooks.spi.PayloadSchema;
import io.pbxhooks.spi.Plugin;
import io.pbxhooks.spi.SpiVersion;
import io.pbxhooks.spi.contract.PluginContract;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class HostedPbxPluginTest {

    @Test
    void keepsThePluginContract() {
        PluginContract.assertKept(new HostedPbxPlugin());
    }

    @Test
    void everyKindOfCallKeepsTheContractOnSampleEvents() {
        PluginContract.assertKept(new HostedPbxPlugin(), List.of(
                CallEvents.raw(CallEvents.call(Kind.CALL_STARTED, Direction.INBOUND)),
                CallEvents.raw(CallEvents.call(Kind.CALL_ANSWERED, Direction.INBOUND).setExtension(CallEvents.extension())),
                CallEvents.raw(CallEvents.call(Kind.CALL_STARTED, Direction.OUTBOUND).setExtension(CallEvents.extension())),
                CallEvents.raw(CallEvents.call(Kind.IVR_ENTERED, Direction.INBOUND).setIvr(CallEvents.ivr(""))),
                CallEvents.raw(CallEvents.call(Kind.IVR_OPTION_SELECTED, Direction.INBOUND).setIvr(CallEvents.ivr("2"))),
                CallEvents.raw(CallEvents.call(Kind.KIND_UNSPECIFIED, Direction.INBOUND))));
    }

    @Test
    void isFoundThroughMetaInfServices() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size(), () -> "plugins found: " + plugins);
        assertInstanceOf(HostedPbxPlugin.class, plugins.get(0));
    }

    @Test
    void contributesTheHostedPbxTriggerOnly() {
        Plugin plugin = new HostedPbxPlugin();
        assertEquals(SpiVersion.CURRENT, plugin.spiVersion());
        assertEquals(List.of("hosted-pbx"), plugin.triggerPlugins().stream().map(trigger -> trigger.serviceType().id()).toList());
        assertEquals(List.of(), plugin.transportPlugins());
    }

    @Test
    void publishesTheCallEventSchemaForReflection() throws Exception {
        PayloadSchema schema = new HostedPbxTrigger().payloadSchema().orElseThrow();
        assertEquals("pbxhooks.hostedpbx.v1.CallEvent", schema.messageType());
        DescriptorProtos.FileDescriptorSet files = DescriptorProtos.FileDescriptorSet.parseFrom(schema.fileDescriptorSet());
        assertEquals("pbxhooks/hostedpbx/v1/call_event.proto", files.getFile(0).getName());
    }

    @Test
    void ordersTheEventsOfOneCallByItsUuid() throws Exception {
        assertEquals("c0ffee00-1111-2222-3333-444455556666",
                CallEvents.classify(CallEvents.call(Kind.CALL_STARTED, Direction.INBOUND)).orElseThrow().orderingKey());
    }
}
