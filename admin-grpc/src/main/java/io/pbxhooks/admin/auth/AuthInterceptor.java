package io.pbxhooks.admin.auth;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.pbxhooks.admin.error.PermissionDeniedException;
import io.pbxhooks.admin.error.UnauthenticatedException;
import io.pbxhooks.admin.port.Authenticator;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.admin.port.Role;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Admits admin API calls that carry {@code authorization: Bearer <api key>} of an operator or admin key and
 * puts the caller in the context ({@link Caller#current()}). Throws {@link UnauthenticatedException} or
 * {@link PermissionDeniedException}, so it must run inside the {@link io.pbxhooks.admin.error.ErrorMappingInterceptor}.
 */
public final class AuthInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "bearer ";

    private final Authenticator authenticator;
    private final Set<Role> allowedRoles;
    private final String deniedMessage;

    /** The admin API's: operator and admin keys. */
    public AuthInterceptor(Authenticator authenticator) {
        this(authenticator, EnumSet.of(Role.OPERATOR, Role.ADMIN), "a producer key may only publish events; use an admin or operator key");
    }

    /** Keys of {@code allowedRoles} pass; others are refused with PERMISSION_DENIED and {@code deniedMessage}. */
    public AuthInterceptor(Authenticator authenticator, Set<Role> allowedRoles, String deniedMessage) {
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.allowedRoles = Set.copyOf(allowedRoles);
        this.deniedMessage = requireNonNull(deniedMessage, "deniedMessage is null");
    }

    @Override
    public <RequestT, ResponseT> ServerCall.Listener<RequestT> interceptCall(
            ServerCall<RequestT, ResponseT> call, Metadata headers, ServerCallHandler<RequestT, ResponseT> next) {
        Principal principal = authenticator.authenticate(bearerToken(headers))
                .orElseThrow(() -> new UnauthenticatedException("unknown or revoked API key"));
        if (!allowedRoles.contains(principal.role())) {
            throw new PermissionDeniedException(deniedMessage);
        }
        return Contexts.interceptCall(Context.current().withValue(Caller.KEY, principal), call, headers, next);
    }

    private static String bearerToken(Metadata headers) {
        String authorization = headers.get(AUTHORIZATION);
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw new UnauthenticatedException("missing API key: send the header 'authorization: Bearer <api key>'");
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            throw new UnauthenticatedException("missing API key: send the header 'authorization: Bearer <api key>'");
        }
        return token;
    }
}
