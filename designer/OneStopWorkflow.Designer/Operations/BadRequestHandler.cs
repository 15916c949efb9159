using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using OneStopWorkflow.Designer.Api;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Designer.Operations;

/// <summary>
/// The caller's mistakes that ASP.NET reports by throwing: a form post without its antiforgery token (a page left
/// open too long, or a post from another site) and a body the server cannot read. They are answered as the
/// caller's mistake, never as a 500: people (who ask for HTML) are sent to a page in their language, machines get
/// a 400 ProblemDetails with a stable code.
/// </summary>
internal sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, rejection) = exception switch
        {
            AntiforgeryValidationException =>
                (StatusCodes.Status400BadRequest, Rejection.Of(RejectionCodes.BadRequest, "antiforgery")),
            BadHttpRequestException bad => (bad.StatusCode,
                Rejection.Of(RejectionCodes.BadRequest, "body").With("problem", bad.Message)),
            _ => (0, null),
        };
        if (rejection is null || httpContext.Response.HasStarted)
        {
            return false;
        }

        if (Callers.WantPage(httpContext.Request))
        {
            httpContext.Response.Redirect(httpContext.Request.Path.StartsWithSegments("/account/login")
                ? "/login?error=expired"
                : $"/status/{status.ToString(CultureInfo.InvariantCulture)}");
            return true;
        }

        // The culture the localization middleware chose does not flow back out to this handler; its feature does.
        if (httpContext.Features.Get<IRequestCultureFeature>() is { } culture)
        {
            CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        }

        httpContext.Response.StatusCode = status;
        await ApiResults.Problem([rejection], status).ExecuteAsync(httpContext);
        return true;
    }
}
