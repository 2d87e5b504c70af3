package io.pbxhooks.server.grpc;

import com.google.protobuf.AnyProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.WrappersProto;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import io.pbxhooks.server.plugin.PluginLoadingException;
import io.pbxhooks.spi.PayloadSchema;
import io.pbxhooks.spi.TriggerPlugin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the trigger plugins' payload messages resolvable through server reflection. Reflection serves the files
 * reachable from the bound services, so the ingest service's file is re-declared with the plugins' payload files
 * as extra imports (unused imports are harmless), and the ingest service is re-bound on that file.
 */
final class PayloadReflection {

    /** Imports a plugin's payload file may make without shipping them in its descriptor set. */
    private static final List<FileDescriptor> WELL_KNOWN_TYPES = List.of(AnyProto.getDescriptor(), TimestampProto.getDescriptor(),
            DurationProto.getDescriptor(), StructProto.getDescriptor(), WrappersProto.getDescriptor(), EmptyProto.getDescriptor());

    private PayloadReflection() {
    }

    static ServerServiceDefinition withPayloadSchemas(ServerServiceDefinition service, FileDescriptor serviceFile, List<TriggerPlugin> triggers) {
        Map<String, FileDescriptor> known = new HashMap<>();
        collect(serviceFile, known);
        WELL_KNOWN_TYPES.forEach(file -> collect(file, known));
        List<FileDescriptor> payloadFiles = new ArrayList<>();
        for (TriggerPlugin trigger : triggers) {
            trigger.payloadSchema().ifPresent(schema -> payloadFiles.add(build(schema, known, trigger.serviceType().id())));
        }
        if (payloadFiles.isEmpty()) {
            return service;
        }
        FileDescriptorProto.Builder extended = serviceFile.toProto().toBuilder();
        List<FileDescriptor> dependencies = new ArrayList<>(serviceFile.getDependencies());
        for (FileDescriptor payloadFile : payloadFiles) {
            extended.addDependency(payloadFile.getName());
            dependencies.add(payloadFile);
        }
        FileDescriptor file = buildFile(extended.build(), dependencies, "the ingest service");
        ServiceDescriptor original = service.getServiceDescriptor();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
                .setSchemaDescriptor((ProtoFileDescriptorSupplier) () -> file);
        original.getMethods().forEach(descriptor::addMethod);
        ServerServiceDefinition.Builder rebound = ServerServiceDefinition.builder(descriptor.build());
        for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
            rebound.addMethod(method);
        }
        return rebound.build();
    }

    private static FileDescriptor build(PayloadSchema schema, Map<String, FileDescriptor> known, String serviceType) {
        try {
            FileDescriptor last = null;
            for (FileDescriptorProto proto : FileDescriptorSet.parseFrom(schema.fileDescriptorSet()).getFileList()) {
                FileDescriptor existing = known.get(proto.getName());
                if (existing != null) {
                    last = existing;
                    continue;
                }
                List<FileDescriptor> dependencies = new ArrayList<>();
                for (String dependency : proto.getDependencyList()) {
                    FileDescriptor resolved = known.get(dependency);
                    if (resolved == null) {
                        throw new PluginLoadingException("The payload schema of service type " + serviceType + " imports " + dependency
                                + ", which its file descriptor set does not contain before " + proto.getName());
                    }
                    dependencies.add(resolved);
                }
                last = buildFile(proto, dependencies, "service type " + serviceType);
                known.put(proto.getName(), last);
            }
            if (last == null || last.findMessageTypeByName(simpleName(schema.messageType())) == null) {
                throw new PluginLoadingException("The payload schema of service type " + serviceType + " does not declare " + schema.messageType()
                        + " in its last file");
            }
            return last;
        } catch (InvalidProtocolBufferException e) {
            throw new PluginLoadingException("The payload schema of service type " + serviceType + " is not a FileDescriptorSet", e);
        }
    }

    private static FileDescriptor buildFile(FileDescriptorProto proto, List<FileDescriptor> dependencies, String owner) {
        try {
            return FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
        } catch (DescriptorValidationException e) {
            throw new PluginLoadingException("The protobuf schema of " + owner + " is invalid: " + e.getMessage(), e);
        }
    }

    private static void collect(FileDescriptor file, Map<String, FileDescriptor> known) {
        if (known.putIfAbsent(file.getName(), file) == null) {
            file.getDependencies().forEach(dependency -> collect(dependency, known));
        }
    }

    private static String simpleName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }
}
