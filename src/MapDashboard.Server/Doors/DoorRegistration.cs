using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace MapDashboard.Server.Doors;

public static class DoorRegistration
{
    /// <summary>Body limits, the exception handler, and binding failures raised as exceptions so that they are answered with their reason.</summary>
    public static WebApplicationBuilder AddDoors(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<BodyLimitOptions>(builder.Configuration.GetSection(BodyLimitOptions.Section));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DoorExceptionHandler>();
        // Minimal APIs answer a body or parameter that does not bind with a bare 400 unless told to throw; thrown,
        // DoorExceptionHandler answers it with the JSON path and reason.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Deeply nested bodies are refused early (System.Text.Json's default is 64), and numbers must be JSON
        // numbers: the web default also reads "12" and "NaN" from strings, which let NaN into the finding settings.
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.MaxDepth = JsonBodies.MaxDepth;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return builder;
    }

    /// <summary>The exception handler, problem details for bare status codes, then the door's checks (after routing: they read the endpoint).</summary>
    public static WebApplication UseDoors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<RequestDoor>();
        return app;
    }
}
