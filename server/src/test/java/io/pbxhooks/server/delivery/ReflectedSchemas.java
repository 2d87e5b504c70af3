package io.pbxhooks.server.delivery;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Channel;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Message types as a client without the compiled classes sees them (as {@code buf curl} does): file descriptors fetched
 * through server reflection, their imports fetched by file name when the server did not send them along.
 */
final class ReflectedSchemas {

    private final Channel channel;
    private final Map<String, FileDescriptorProto> fetched = new HashMap<>();
    private final Map<String, FileDescriptor> built = new HashMap<>();

    ReflectedSchemas(Channel channel) {
        this.channel = channel;
    }

    /** The message type {@code fullName}, from the file that server reflection says declares it. */
    Descriptor message(String fullName) throws Exception {
        List<FileDescriptorProto> answer = ask(ServerReflectionRequest.newBuilder().setFileContainingSymbol(fullName).build());
        for (FileDescriptorProto proto : answer) {
            FileDescriptor file = build(proto.getName());
            String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
            if (fullName.startsWith(prefix)) {
                Descriptor message = file.findMessageTypeByName(fullName.substring(prefix.length()));
                if (message != null) {
                    return message;
                }
            }
        }
        throw new AssertionError("server reflection answered " + fullName + " with files that do not declare it: "
                + answer.stream().map(FileDescriptorProto::getName).toList());
    }

    private FileDescriptor build(String fileName) throws Exception {
        FileDescriptor done = built.get(fileName);
        if (done != null) {
            return done;
        }
        if (!fetched.containsKey(fileName)) {
            ask(ServerReflectionRequest.newBuilder().setFileByFilename(fileName).build());
        }
        FileDescriptorProto proto = fetched.get(fileName);
        if (proto == null) {
            throw new AssertionError("server reflection does not serve " + fileName);
        }
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String dependency : proto.getDependencyList()) {
            dependencies.add(build(dependency));
        }
        try {
            FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
            built.put(fileName, file);
            return file;
        } catch (DescriptorValidationException invalid) {
            throw new AssertionError("server reflection served an invalid " + fileName, invalid);
        }
    }

    private List<FileDescriptorProto> ask(ServerReflectionRequest request) throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(new StreamObserver<>() {
            @Override
            public void onNext(ServerReflectionResponse response) {
                answer.complete(response);
            }

            @Override
            public void onError(Throwable failure) {
                answer.completeExceptionally(failure);
            }

            @Override
            public void onCompleted() {
                answer.completeExceptionally(new AssertionError("server reflection ended without an answer"));
            }
        });
        requests.onNext(request);
        ServerReflectionResponse response = answer.get(20, TimeUnit.SECONDS);
        requests.onCompleted();
        if (response.hasErrorResponse()) {
            throw new AssertionError("server reflection refused " + request + ": " + response.getErrorResponse());
        }
        List<FileDescriptorProto> files = new ArrayList<>();
        try {
            for (var bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
                FileDescriptorProto file = FileDescriptorProto.parseFrom(bytes);
                fetched.putIfAbsent(file.getName(), file);
                files.add(file);
            }
        } catch (InvalidProtocolBufferException broken) {
            throw new AssertionError(response.toString(), broken);
        }
        return files;
    }
}
