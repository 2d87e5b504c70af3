package io.pbxhooks.admin;

import io.grpc.stub.StreamObserver;

final class Unary {

    private Unary() {
    }

    static <T> void reply(StreamObserver<T> responses, T response) {
        responses.onNext(response);
        responses.onCompleted();
    }
}
