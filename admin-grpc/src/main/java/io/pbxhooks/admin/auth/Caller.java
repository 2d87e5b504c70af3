package io.pbxhooks.admin.auth;

import io.grpc.Context;
import io.pbxhooks.admin.port.Principal;

/** The authenticated principal of the current call, put in the gRPC {@link Context} by {@link AuthInterceptor}. */
public final class Caller {

    static final Context.Key<Principal> KEY = Context.key("pbxhooks-principal");

    private Caller() {
    }

    /** @throws IllegalStateException outside a call that passed the {@link AuthInterceptor} (a wiring bug) */
    public static Principal current() {
        Principal principal = KEY.get();
        if (principal == null) {
            throw new IllegalStateException("no authenticated principal: is the AuthInterceptor applied?");
        }
        return principal;
    }
}
