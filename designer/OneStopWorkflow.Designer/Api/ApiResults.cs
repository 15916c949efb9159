using OneStopWorkflow.Engine.Refusals;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Designer.Api;

/// <summary>
/// Maps refusals to HTTP: who you are (401), what you may do (403), what does not exist (404), a case that moved
/// on (409), bad input naming the field (400), and business rules (422); every error is ProblemDetails.
/// </summary>
public static partial class ApiResults
{
    public static IResult Problem(ImmutableArray<Rejection> rejections)
    {
        var first = rejections[0];
        var status = first.Code switch
        {
            "unauthenticated" => StatusCodes.Status401Unauthorized,
            "forbidden" or "read-only" or "not-authorized" => StatusCodes.Status403Forbidden,
            "not-found" or "case-missing" or "procedure-unknown" or "no-match" => StatusCodes.Status404NotFound,
            "case-changed" => StatusCodes.Status409Conflict,
            "field-required" or "field-invalid" or "unknown-field" or "reason-required" or "bad-date" or "bad-visit" or "bad-rating"
                => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        var errors = rejections
            .GroupBy(r => FieldName().Match(r.Message) is { Success: true } m ? m.Groups[1].Value : r.Code)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray());
        return status == StatusCodes.Status400BadRequest
            ? Results.ValidationProblem(errors, title: "The request has invalid values.", type: $"urn:onestop:{first.Code}")
            : Results.Problem(title: first.Code, detail: string.Join(" ", rejections.Select(r => r.Message)), statusCode: status,
                type: $"urn:onestop:{first.Code}");
    }

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request has invalid values.");

    public static IResult Conflict(string message) =>
        Results.Problem(title: "case-changed", detail: message, statusCode: StatusCodes.Status409Conflict, type: "urn:onestop:case-changed");

    [GeneratedRegex("^Field '([^']+)'")]
    private static partial Regex FieldName();
}
