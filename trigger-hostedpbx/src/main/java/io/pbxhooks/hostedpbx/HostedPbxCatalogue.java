package io.pbxhooks.hostedpbx;

import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.spi.catalog.ServiceTypeDescriptor;

/** The Hosted PBX service type: its id, the payload type it takes, and its catalogue of events and fields. */
public final class HostedPbxCatalogue {

    public static final String SERVICE_TYPE_ID = "hosted-pbx";
    public static final String DISPLAY_NAME = "Hosted PBX";
    /** The payload type of the raw events it classifies: the full name of the {@link CallEvent} message. */
    public static final String PAYLOAD_TYPE = "pbxhooks.hostedpbx.v1.CallEvent";

    static final ServiceTypeDescriptor SERVICE_TYPE =
            new ServiceTypeDescriptor(SERVICE_TYPE_ID, DISPLAY_NAME, HostedPbxEvents.ALL, HostedPbxFields.ALL);

    private HostedPbxCatalogue() {
    }
}
