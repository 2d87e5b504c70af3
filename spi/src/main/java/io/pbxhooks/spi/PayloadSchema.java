package io.pbxhooks.spi;

import static java.util.Objects.requireNonNull;

/**
 * The protobuf schema of a trigger plugin's raw payload, so the host can publish it through gRPC server
 * reflection and producers (e.g. {@code buf curl} with {@code "@type"}) can encode events as JSON.
 *
 * @param messageType       the payload message's full name, e.g. {@code pbxhooks.hostedpbx.v1.CallEvent}
 * @param fileDescriptorSet a serialized {@code google.protobuf.FileDescriptorSet} holding the message's file and
 *                          every file it imports, dependencies first (well-known types may be left out)
 */
public record PayloadSchema(String messageType, byte[] fileDescriptorSet) {

    public PayloadSchema {
        requireNonNull(messageType, "messageType is null");
        fileDescriptorSet = requireNonNull(fileDescriptorSet, "fileDescriptorSet is null").clone();
    }

    @Override
    public byte[] fileDescriptorSet() {
        return fileDescriptorSet.clone();
    }
}
