using Mediator;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.PublicCatalog;

/// <summary>
/// A blank form of a procedure in force, as HTML to download and print: <see cref="Form"/> is a component with a
/// form of its own or a document the citizen is handed (see <see cref="BlankForm"/>); no sign-in.
/// </summary>
public sealed record GetBlankForm(string Code, string Form) : IQuery<BlankFormResult>, IPublicRequest;

/// <summary>The blank form's HTML and a file name for it, or why there is none.</summary>
public sealed record BlankFormResult(string? Html, string? FileName, Rejection? Rejection);

internal sealed class GetBlankFormHandler(PublishedProcedures published, IOptions<OneStopOptions> options)
    : IQueryHandler<GetBlankForm, BlankFormResult>
{
    public async ValueTask<BlankFormResult> Handle(GetBlankForm query, CancellationToken cancellationToken)
    {
        var code = (query.Code ?? "").Trim();
        if (await published.FindAsync(code, cancellationToken) is not { } version)
        {
            return new BlankFormResult(null, null, PublicProcedureResult.Unknown(code));
        }

        var form = (query.Form ?? "").Trim();
        var html = BlankForm.Render(version.Procedure, form, PublicLookup.PageOf(options.Value));
        return html is null
            ? new BlankFormResult(null, null, Rejection.Of(RejectionCodes.NotFound, "form").On("form")
                .With("procedure", version.Procedure.Title).With("form", TextInput.Quote(form)))
            : new BlankFormResult(html, $"{version.Procedure.Code.Value}-v{version.Procedure.Version}-{form}.html",
                null);
    }
}
