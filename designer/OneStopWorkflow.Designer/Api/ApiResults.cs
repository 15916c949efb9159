using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Designer.Api;

/// <summary>
/// Maps refusals to HTTP: who you are (401), what you may do (403), what does not exist (404), a case that moved
/// on (409), too many sign-in attempts (429), bad input naming the field (400), business rules (422) and a database
/// out of reach or out of room (503). Every error is ProblemDetails in the caller's language (Accept-Language or the
/// language cookie), carrying the stable code and the field, so a client never reads the text to know what went
/// wrong.
/// </summary>
public static class ApiResults
{
    /// <summary>
    /// The refusals as ProblemDetails, with the status their first code maps to, or <paramref name="status"/> when the
    /// server already knows it (a body too large is 413).
    /// </summary>
    public static IResult Problem(ImmutableArray<Rejection> rejections, int? status = null)
    {
        var first = rejections[0];
        var culture = CultureInfo.CurrentUICulture;
        status ??= StatusOf(first.Code);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["code"] = first.Code,
            ["field"] = first.Field,
            ["rejections"] = rejections
                .Select(r => new { code = r.Code, field = r.Field, message = r.MessageIn(culture) }).ToArray(),
        };
        if (status == StatusCodes.Status400BadRequest)
        {
            var errors = rejections.GroupBy(r => r.Field ?? r.Code)
                .ToDictionary(
                    g => g.Key, g => g.Select(r => r.MessageIn(culture)).ToArray(), StringComparer.Ordinal);
            return Results.ValidationProblem(errors, title: first.MessageIn(culture), type: $"urn:onestop:{first.Code}",
                extensions: extensions);
        }

        return Results.Problem(title: first.MessageIn(culture),
            detail: string.Join(" ", rejections.Select(r => r.MessageIn(culture))),
            statusCode: status, type: $"urn:onestop:{first.Code}", extensions: extensions);
    }

    /// <summary>A required request value is missing: names the field and shows an example of it.</summary>
    public static IResult Missing(string field, string example) =>
        Problem([Rejection.Of(RejectionCodes.FieldRequired, "request")
            .On(field).With("field", field).With("example", example)]);

    /// <summary>The case moved on between reading and saving (another clerk saved first).</summary>
    public static IResult Conflict(string caseId) =>
        Problem([Rejection.Of(RejectionCodes.CaseChanged, "store").With("case", caseId)]);

    private static int StatusOf(string code) => code switch
    {
        RejectionCodes.Unauthenticated or RejectionCodes.SignInFailed => StatusCodes.Status401Unauthorized,
        RejectionCodes.TooManyAttempts => StatusCodes.Status429TooManyRequests,
        RejectionCodes.Forbidden or RejectionCodes.ReadOnly or RejectionCodes.NotAuthorized
            => StatusCodes.Status403Forbidden,
        RejectionCodes.NotFound or RejectionCodes.CaseMissing or RejectionCodes.ProcedureUnknown
            or RejectionCodes.NoMatch or RejectionCodes.NoEResult
            => StatusCodes.Status404NotFound,
        RejectionCodes.CaseChanged or RejectionCodes.TicketState or RejectionCodes.QueueEmpty
            => StatusCodes.Status409Conflict,
        RejectionCodes.LookupLimited => StatusCodes.Status429TooManyRequests,
        RejectionCodes.StoreUnavailable or RejectionCodes.StoreFull => StatusCodes.Status503ServiceUnavailable,
        RejectionCodes.FieldRequired or RejectionCodes.FieldInvalid or RejectionCodes.UnknownField
            or RejectionCodes.ReasonRequired or RejectionCodes.BadVisit
            or RejectionCodes.BadRating or RejectionCodes.BadRequest or RejectionCodes.ComponentInvalid
            or RejectionCodes.ComponentsMissing or RejectionCodes.BadCounter
            => StatusCodes.Status400BadRequest,
        // A well-formed request the rules refuse (a date before now or past the calendar, a step not offered).
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
