using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MapDashboard.Server.ApiReference;

/// <summary>
/// Says in the schema of a <see cref="JsonAnswerAttribute"/> record which properties are always there (constructor
/// parameters without a default) and which may be null (nullable parameters), read from the record itself, so the
/// C# declaration is the one description. Request bodies are left as generated: the server reads them leniently and
/// answers a missing field with a problem naming it.
/// </summary>
public sealed class JsonAnswerSchemas : IOpenApiSchemaTransformer
{
    readonly NullabilityInfoContext _nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var info = context.JsonTypeInfo;
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.GetCustomAttribute<JsonAnswerAttribute>() is null) return Task.CompletedTask;
        var parameters = info.Type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();
        foreach (var property in info.Properties)
        {
            var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)
                || (property.AttributeProvider is MemberInfo m && string.Equals(p.Name, m.Name, StringComparison.Ordinal)));
            if (parameter is null) continue;
            if (!parameter.HasDefaultValue)
            {
                schema.Required ??= new HashSet<string>();
                schema.Required.Add(property.Name);
            }
            if (schema.Properties?.TryGetValue(property.Name, out var described) == true && described is OpenApiSchema inline
                && inline.Type is { } type && _nullability.Create(parameter).ReadState == NullabilityState.Nullable)
                inline.Type = type | JsonSchemaType.Null;
        }
        return Task.CompletedTask;
    }
}
