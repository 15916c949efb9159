using Microsoft.Net.Http.Headers;

namespace OneStopWorkflow.Designer.Operations;

/// <summary>Who is asking: a person in a browser gets pages and redirects, a machine gets ProblemDetails.</summary>
public static class Callers
{
    /// <summary>A browser's navigation or form post accepts HTML; an integration asks for JSON or anything.</summary>
    public static bool WantPage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !request.Path.StartsWithSegments("/api")
            && MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
            && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
