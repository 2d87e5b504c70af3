package io.pbxhooks.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.FieldType;
import io.pbxhooks.model.FieldValue;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.Plugin;
import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.RawEvent;
import io.pbxhooks.spi.SpiVersion;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TransportSender;
import io.pbxhooks.spi.TriggerPlugin;
import io.pbxhooks.spi.catalog.EventDescriptor;
import io.pbxhooks.spi.catalog.FieldDescriptor;
import io.pbxhooks.spi.catalog.ServiceTypeDescriptor;
import io.pbxhooks.spi.config.ConfigSchema;
import io.pbxhooks.spi.config.SettingDescriptor;
import io.pbxhooks.spi.config.SettingType;
import io.pbxhooks.spi.config.TransportConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PluginContractTest {

    private static final ServiceTypeDescriptor GOOD_CATALOGUE = new ServiceTypeDescriptor("door", "Door",
            List.of(new EventDescriptor("opened", "Opened", "the door opens")),
            List.of(new FieldDescriptor("who", "Who", FieldType.STRING, "who opened it", List.of("opened"))));

    private static TriggerPlugin trigger(ServiceTypeDescriptor catalogue, Map<String, FieldValue> fields) {
        return new TriggerPlugin() {
            @Override
            public ServiceTypeDescriptor serviceType() {
                return catalogue;
            }

            @Override
            public Optional<TriggerEvent> classify(RawEvent event) {
                if (event.payload().length == 0) {
                    throw new IllegalArgumentException("empty");
                }
                return Optional.of(new TriggerEvent(catalogue.id(), "opened", event.occurredAt(), fields));
            }
        };
    }

    private static Plugin plugin(int spiVersion, List<TriggerPlugin> triggers, List<TransportPlugin> transports) {
        return new Plugin() {
            @Override
            public int spiVersion() {
                return spiVersion;
            }

            @Override
            public List<TriggerPlugin> triggerPlugins() {
                return triggers;
            }

            @Override
            public List<TransportPlugin> transportPlugins() {
                return transports;
            }
        };
    }

    @Test
    void findsEveryBrokenRuleOfATriggerPlugin() {
        ServiceTypeDescriptor broken = new ServiceTypeDescriptor("Door!", "", List.of(new EventDescriptor("opened", "Opened", ""),
                new EventDescriptor("opened", "Opened", "")),
                List.of(new FieldDescriptor("who", "Who", FieldType.STRING, "", List.of("closed"))));
        List<String> problems = PluginContract.problems(plugin(SpiVersion.CURRENT + 1, List.of(trigger(broken, Map.of())), List.of()));
        String all = String.join("\n", problems);
        assertTrue(all.contains("spiVersion() is " + (SpiVersion.CURRENT + 1)), all);
        assertTrue(all.contains("id \"Door!\" must be lower case"), all);
        assertTrue(all.contains("display name is blank"), all);
        assertTrue(all.contains("event opened is declared twice"), all);
        assertTrue(all.contains("field who names event closed, which is not in the catalogue"), all);
        assertTrue(all.contains("event opened has no fields"), all);
        assertTrue(all.contains("classify threw java.lang.IllegalArgumentException: empty"), all);
    }

    @Test
    void aPluginIdDefaultsToWhatItContributesAndMustNotBeBlank() {
        Plugin door = plugin(SpiVersion.CURRENT, List.of(trigger(GOOD_CATALOGUE, Map.of())), List.of());
        assertEquals("door", door.id());
        assertTrue(PluginContract.problems(door).stream().noneMatch(problem -> problem.startsWith("id()")), PluginContract.problems(door)::toString);
        Plugin nothing = plugin(SpiVersion.CURRENT, List.of(), List.of());
        assertEquals(nothing.getClass().getName(), nothing.id());

        Plugin blank = new Plugin() {
            @Override
            public int spiVersion() {
                return SpiVersion.CURRENT;
            }

            @Override
            public String id() {
                return " ";
            }

            @Override
            public List<TriggerPlugin> triggerPlugins() {
                return List.of(trigger(GOOD_CATALOGUE, Map.of()));
            }
        };
        assertTrue(PluginContract.problems(blank).contains("id() is \" \"; it must be set and have no white space"), PluginContract.problems(blank)::toString);
    }

    @Test
    void checksTheFieldsOfClassifiedSampleEvents() {
        Plugin plugin = plugin(SpiVersion.CURRENT, List.of(trigger(GOOD_CATALOGUE, Map.of("who", FieldValue.of(true), "when", FieldValue.of("now")))), List.of());
        RawEvent sample = new RawEvent("s1", "a", "door", Instant.EPOCH, "door.Event", new byte[] {1});
        AssertionError failure = assertThrows(AssertionError.class, () -> PluginContract.assertKept(plugin, List.of(sample)));
        assertTrue(failure.getMessage().contains("field who is BOOLEAN, the catalogue says STRING"), failure.getMessage());
        assertTrue(failure.getMessage().contains("opened carries field when, which that event does not have"), failure.getMessage());
    }

    /** A trigger that classifies nothing and offers {@code sample} for each event asked for. */
    private static TriggerPlugin offering(BiFunction<String, Instant, Optional<TriggerEvent>> sample) {
        return new TriggerPlugin() {
            @Override
            public ServiceTypeDescriptor serviceType() {
                return GOOD_CATALOGUE;
            }

            @Override
            public Optional<TriggerEvent> classify(RawEvent event) {
                return Optional.empty();
            }

            @Override
            public Optional<TriggerEvent> sampleEvent(String eventType, Instant occurredAt) {
                return sample.apply(eventType, occurredAt);
            }
        };
    }

    @Test
    void checksTheFieldsOfTheSamplesAPluginOffers() {
        TriggerPlugin wrongFields = offering((eventType, occurredAt) -> Optional.of(new TriggerEvent("door", eventType, occurredAt,
                Map.of("who", FieldValue.of(true), "when", FieldValue.of("now")))));
        String all = String.join("\n", PluginContract.problems(plugin(SpiVersion.CURRENT, List.of(wrongFields), List.of())));
        assertTrue(all.contains("service type door: sampleEvent(opened): field who is BOOLEAN, the catalogue says STRING"), all);
        assertTrue(all.contains("service type door: sampleEvent(opened): opened carries field when, which that event does not have"), all);
        assertTrue(all.contains("sampleEvent returned a sample of an event the catalogue lacks"), all);
    }

    @Test
    void aSampleMustBeOfTheEventAndInstantAskedFor() {
        TriggerPlugin otherEvent = offering((eventType, occurredAt) -> Optional.of(new TriggerEvent("door", "slammed", occurredAt, Map.of())));
        TriggerPlugin otherTime = offering((eventType, occurredAt) -> eventType.equals("opened")
                ? Optional.of(new TriggerEvent("door", eventType, Instant.EPOCH, Map.of())) : Optional.empty());
        TriggerPlugin throwing = offering((eventType, occurredAt) -> {
            throw new IllegalStateException("no samples today");
        });
        assertEquals(List.of(
                "service type door: sampleEvent(opened): returned an event of door slammed",
                "service type door: sampleEvent returned a sample of an event the catalogue lacks"),
                PluginContract.problems(plugin(SpiVersion.CURRENT, List.of(otherEvent), List.of())));
        assertEquals(List.of("service type door: sampleEvent(opened): occurred at 1970-01-01T00:00:00Z, not at the instant given, "
                        + "2026-03-14T01:59:26.535Z"),
                PluginContract.problems(plugin(SpiVersion.CURRENT, List.of(otherTime), List.of())));
        assertEquals(List.of(
                "service type door: sampleEvent(opened): threw java.lang.IllegalStateException: no samples today",
                "service type door: sampleEvent threw java.lang.IllegalStateException: no samples today for an unknown event instead of returning empty"),
                PluginContract.problems(plugin(SpiVersion.CURRENT, List.of(throwing), List.of())));
    }

    @Test
    void findsATransportWhoseValidationThrowsOrMissesRequiredSettings() {
        TransportPlugin transport = new TransportPlugin() {
            @Override
            public String id() {
                return "pigeon";
            }

            @Override
            public String displayName() {
                return "Pigeon";
            }

            @Override
            public ConfigSchema configSchema() {
                return ConfigSchema.builder().setting(SettingDescriptor.builder("loft", SettingType.STRING).required().build()).build();
            }

            @Override
            public List<Violation> validate(TransportConfig config) {
                if (!config.values().isEmpty()) {
                    throw new IllegalStateException("cannot parse");
                }
                return List.of();
            }

            @Override
            public TransportSender createSender(TransportConfig config, PluginContext context) {
                return message -> CompletableFuture.completedFuture(DeliveryResult.permanent(0, "no pigeon available"));
            }
        };
        List<String> problems = PluginContract.problems(plugin(SpiVersion.CURRENT, List.of(), List.of(transport)));
        assertEquals(List.of(
                "transport pigeon: an empty configuration gives no violation for required setting loft",
                "transport pigeon: validate threw java.lang.IllegalStateException: cannot parse instead of returning violations"), problems);
    }

    @Test
    void aWellBehavedPluginKeepsTheContract() {
        PluginContract.assertKept(plugin(SpiVersion.CURRENT, List.of(new TriggerPlugin() {
            @Override
            public ServiceTypeDescriptor serviceType() {
                return GOOD_CATALOGUE;
            }

            @Override
            public Optional<TriggerEvent> classify(RawEvent event) {
                return Optional.empty();
            }
        }), List.of()));
    }

    @Test
    void aPluginWhoseSamplesFitItsCatalogueKeepsTheContract() {
        PluginContract.assertKept(plugin(SpiVersion.CURRENT, List.of(offering((eventType, occurredAt) -> eventType.equals("opened")
                ? Optional.of(new TriggerEvent("door", eventType, occurredAt, Map.of("who", FieldValue.of("Ada")))) : Optional.empty())),
                List.of()));
    }
}
