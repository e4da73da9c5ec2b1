namespace MapDashboard.Server.Http;

/// <summary>RFC 7807 answers whose detail names what is wrong; one place so every endpoint says it the same way.</summary>
public static class Problems
{
    public static IResult BadRequest(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>403: the account may not do this here; <paramref name="detail"/> names why (the permission rule's refusal).</summary>
    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Not allowed", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static IResult NotFound(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);
}
