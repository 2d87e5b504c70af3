package io.pbxhooks.server.fuzz;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Turns a valid request into a malformed one, as bytes: fields changed to random and boundary values of their type,
 * enum numbers out of range, repeated fields emptied or overfilled, parts left out, {@code Any} payloads of other or no
 * types, invalid UTF-8 planted in a string field (which no Java string can carry), and raw corruption: flipped bytes,
 * truncation, garbage, another message's bytes.
 */
final class MessageFuzzer {

    private static final String MARKER = "QQFUZZMARKERQQ";
    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
    private static final long[] BOUNDARY_NUMBERS = {0, 1, -1, 2, 10, 99, 100, 101, 1000, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Long.MAX_VALUE, Long.MIN_VALUE, 253402300800L, -62135596801L, 999_999_999, 1_000_000_000};

    private final Random random;
    private final FuzzStrings strings;
    private final Message payloadTemplate;
    private final List<Message> otherMessages;

    /**
     * @param payloadTemplate a valid event payload, packed into {@code Any} fields in some mutations
     * @param otherMessages   messages whose bytes are sent where another type is expected
     */
    MessageFuzzer(Random random, FuzzStrings strings, Message payloadTemplate, List<Message> otherMessages) {
        this.random = random;
        this.strings = strings;
        this.payloadTemplate = payloadTemplate;
        this.otherMessages = List.copyOf(otherMessages);
    }

    /** A request derived from {@code template}: sometimes as is, mostly mutated field by field, sometimes broken as bytes. */
    byte[] request(Message template) {
        int roll = random.nextInt(100);
        if (roll < 12) {
            return template.toByteArray();
        }
        if (roll < 77) {
            return mutate(template, 0).toByteArray();
        }
        if (roll < 87) {
            return withInvalidUtf8(random.nextBoolean() ? template : mutate(template, 0));
        }
        return corrupt(random.nextBoolean() ? template.toByteArray() : mutate(template, 0).toByteArray());
    }

    DynamicMessage mutate(Message message, int depth) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(message);
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            int roll = random.nextInt(100);
            if (roll < 55) {
                continue;
            }
            if (roll < 65) {
                builder.clearField(field);
            } else if (field.isRepeated()) {
                builder.clearField(field);
                int count = switch (random.nextInt(10)) {
                    case 0 -> 40 + random.nextInt(120);
                    case 1 -> 0;
                    default -> 1 + random.nextInt(4);
                };
                for (int index = 0; index < count; index++) {
                    builder.addRepeatedField(field, value(field, builder, depth));
                }
            } else {
                builder.setField(field, value(field, builder, depth));
            }
        }
        return builder.build();
    }

    private Object value(FieldDescriptor field, DynamicMessage.Builder owner, int depth) {
        return switch (field.getJavaType()) {
            case STRING -> strings.next();
            case INT -> (int) number();
            case LONG -> number();
            case BOOLEAN -> random.nextBoolean();
            case FLOAT -> random.nextFloat();
            case DOUBLE -> random.nextDouble();
            case BYTE_STRING -> ByteString.copyFrom(bytes(random.nextInt(10) == 0 ? 70_000 : random.nextInt(200)));
            case ENUM -> field.getEnumType().findValueByNumberCreatingIfUnknown(
                    random.nextInt(3) == 0 ? (int) number() : random.nextInt(field.getEnumType().getValues().size() + 2) - 1);
            case MESSAGE -> message(field, owner, depth);
        };
    }

    private Message message(FieldDescriptor field, DynamicMessage.Builder owner, int depth) {
        if (field.getMessageType().getFullName().equals(Any.getDescriptor().getFullName())) {
            return payload();
        }
        Object current = field.isRepeated() ? null : owner.getField(field);
        Message base = current instanceof Message present ? present : DynamicMessage.getDefaultInstance(field.getMessageType());
        if (field.isRepeated() && field.getMessageType().getFields().isEmpty()) {
            return base;
        }
        return depth >= 4 ? base : mutate(base, depth + 1);
    }

    /** An event payload: the valid one mutated, another type's bytes, or garbage under any type URL. */
    private Message payload() {
        String typeUrl = "type.googleapis.com/" + payloadTemplate.getDescriptorForType().getFullName();
        return switch (random.nextInt(4)) {
            case 0, 1 -> Any.newBuilder().setTypeUrl(random.nextInt(5) == 0 ? strings.next() : typeUrl)
                    .setValue(ByteString.copyFrom(request(payloadTemplate))).build();
            case 2 -> Any.pack(otherMessages.get(random.nextInt(otherMessages.size())));
            default -> Any.newBuilder().setTypeUrl(random.nextBoolean() ? typeUrl : strings.next())
                    .setValue(ByteString.copyFrom(bytes(random.nextInt(10) == 0 ? 70_000 : random.nextInt(300)))).build();
        };
    }

    /** The message with one string field carrying bytes that are not UTF-8, framing intact. */
    private byte[] withInvalidUtf8(Message message) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(message);
        if (!plantMarker(builder, 0)) {
            return message.toByteArray();
        }
        byte[] bytes = builder.build().toByteArray();
        byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, marker);
        byte[] invalid = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
        for (int index = 0; index < marker.length; index++) {
            bytes[at + index] = index < invalid.length ? invalid[index] : (byte) 'x';
        }
        return bytes;
    }

    private boolean plantMarker(DynamicMessage.Builder builder, int depth) {
        List<FieldDescriptor> fields = new ArrayList<>(builder.getDescriptorForType().getFields());
        Collections.shuffle(fields, random);
        for (FieldDescriptor field : fields) {
            if (field.isRepeated()) {
                continue;
            }
            if (field.getJavaType() == FieldDescriptor.JavaType.STRING) {
                builder.setField(field, MARKER);
                return true;
            }
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth < 3) {
                DynamicMessage.Builder nested = DynamicMessage.newBuilder((Message) builder.getField(field));
                if (plantMarker(nested, depth + 1)) {
                    builder.setField(field, nested.build());
                    return true;
                }
            }
        }
        return false;
    }

    private byte[] corrupt(byte[] valid) {
        switch (random.nextInt(5)) {
            case 0 -> {
                byte[] flipped = valid.clone();
                for (int flips = 1 + random.nextInt(5); flips > 0 && flipped.length > 0; flips--) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return flipped;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(valid, valid.length == 0 ? 0 : random.nextInt(valid.length));
            }
            case 2 -> {
                return bytes(random.nextInt(400));
            }
            case 3 -> {
                return otherMessages.get(random.nextInt(otherMessages.size())).toByteArray();
            }
            default -> {
                byte[] appended = java.util.Arrays.copyOf(valid, valid.length + 1 + random.nextInt(20));
                for (int index = valid.length; index < appended.length; index++) {
                    appended[index] = (byte) random.nextInt(256);
                }
                return appended;
            }
        }
    }

    private long number() {
        return random.nextInt(4) == 0 ? random.nextLong() : BOUNDARY_NUMBERS[random.nextInt(BOUNDARY_NUMBERS.length)];
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int start = 0; start <= bytes.length - part.length; start++) {
            for (int index = 0; index < part.length; index++) {
                if (bytes[start + index] != part[index]) {
                    continue outer;
                }
            }
            return start;
        }
        throw new IllegalStateException("marker not found");
    }
}
