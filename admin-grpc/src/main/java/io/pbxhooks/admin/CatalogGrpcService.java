package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.port.PluginCatalog;
import io.pbxhooks.admin.v1.CatalogServiceGrpc;
import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.admin.v1.ListServiceTypesResponse;
import io.pbxhooks.admin.v1.ListTransportTypesRequest;
import io.pbxhooks.admin.v1.ListTransportTypesResponse;

/** CatalogService: what the loaded plugins offer, for any operator or admin key. */
final class CatalogGrpcService extends CatalogServiceGrpc.CatalogServiceImplBase {

    private final PluginCatalog catalog;

    CatalogGrpcService(PluginCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    @Override
    public void listServiceTypes(ListServiceTypesRequest request, StreamObserver<ListServiceTypesResponse> responses) {
        ListServiceTypesResponse.Builder response = ListServiceTypesResponse.newBuilder();
        catalog.triggers().forEach(trigger -> response.addServiceTypes(CatalogMessages.of(trigger.serviceType())));
        Unary.reply(responses, response.build());
    }

    @Override
    public void listTransportTypes(ListTransportTypesRequest request, StreamObserver<ListTransportTypesResponse> responses) {
        ListTransportTypesResponse.Builder response = ListTransportTypesResponse.newBuilder();
        catalog.transports().forEach(transport -> response.addTransportTypes(CatalogMessages.of(transport)));
        Unary.reply(responses, response.build());
    }
}
