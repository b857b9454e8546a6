package dev.orderclock.server.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.List;

/** The dashboard at {@code /}: a static page, so no controller method declares it. */
final class Dashboard {

    private Dashboard() {}

    static void describe(OpenAPI openApi) {
        Content page = new Content()
                .addMediaType(
                        org.springframework.http.MediaType.TEXT_HTML_VALUE, new MediaType().schema(new StringSchema()));
        ApiResponse shown = new ApiResponse().description("the dashboard page").content(page);
        Operation dashboard = new Operation()
                .summary("The dashboard")
                .operationId("dashboard")
                .tags(List.of("dashboard"))
                .responses(new ApiResponses().addApiResponse("200", shown));
        openApi.getPaths().addPathItem("/", new PathItem().get(dashboard));
    }
}
