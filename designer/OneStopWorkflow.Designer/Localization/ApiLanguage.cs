using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace OneStopWorkflow.Designer.Localization;

/// <summary>
/// The language of an API answer: the caller's <c>Accept-Language</c> (<c>vi…</c> or <c>en…</c>, first match by
/// quality), for <c>/api</c> only. Pages keep Vietnamese unless the person chooses English with the language switch,
/// whatever language the browser was installed in.
/// </summary>
public sealed class ApiLanguage : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            || !StringWithQualityHeaderValue.TryParseList(
                httpContext.Request.Headers.AcceptLanguage, out var languages))
        {
            return NullProviderCultureResult;
        }

        var chosen = languages.OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .Select(l => l.StartsWith("vi", StringComparison.OrdinalIgnoreCase) ? "vi-VN"
                : l.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-GB" : null)
            .FirstOrDefault(c => c is not null);
        return chosen is null ? NullProviderCultureResult : Task.FromResult<ProviderCultureResult?>(new(chosen));
    }
}
