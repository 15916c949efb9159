using System.Collections.Immutable;
using Mediator;
using Microsoft.Net.Http.Headers;
using OneStopWorkflow.Designer.Api;
using OneStopWorkflow.Designer.Operations;
using OneStopWorkflow.Hosting.PublicCatalog;
using static OneStopWorkflow.Designer.Localization.Text;

namespace OneStopWorkflow.Designer.PublicCatalog;

/// <summary>
/// The public catalogue without sign-in: its JSON API under <c>/api/public/procedures</c> (texts in the caller's
/// language, Accept-Language or the language cookie) and the blank forms to download.
/// </summary>
public static class PublicCatalogueEndpoints
{
    /// <summary>The page of a procedure, as the catalogue links it.</summary>
    public static string PageOf(string code) => "/thu-tuc/" + Uri.EscapeDataString(code);

    /// <summary>The address a blank form downloads from.</summary>
    public static string FormUrl(string code, string form) =>
        $"{PageOf(code)}/mau/{Uri.EscapeDataString(form)}";

    /// <summary>The online submission page of a procedure (built by the online submission feature).</summary>
    public static string OnlineUrl(string code) => "/nop-truc-tuyen/" + Uri.EscapeDataString(code);

    public static void MapPublicCatalogue(this WebApplication app)
    {
        var api = app.MapGroup("/api/public/procedures").AllowAnonymous().WithTags("Public catalogue");
        api.MapGet("", async (string? q, string? unit, IMediator m, CancellationToken ct) =>
                await m.Send(new ListPublicProcedures { Text = q, Unit = unit }, ct) is var list
                    && list.Rejection is { } r
                    ? ApiResults.Problem([r])
                    : Results.Ok(ListJson.Of(list)))
            .WithSummary("The procedures in force; q searches names without diacritics, unit keeps those it receives.");
        api.MapGet("/{code}", async (string code, IMediator m, CancellationToken ct) =>
                await m.Send(new GetPublicProcedure(code), ct) is var found && found.Procedure is { } details
                    ? Results.Ok(DetailsJson.Of(details))
                    : ApiResults.Problem([found.Rejection!]))
            .WithSummary("One procedure in force: receivers, time, fees, legal basis, papers, forms, result, fields.");

        // A blank form, for people: an unknown one is the 404 page in their language.
        app.MapGet("/thu-tuc/{code}/mau/{form}", DownloadAsync).AllowAnonymous();
        app.MapGet("/procedures/{code}/forms/{form}", DownloadAsync).AllowAnonymous();
    }

    private static async Task<IResult> DownloadAsync(string code, string form, IMediator m, CancellationToken ct) =>
        await m.Send(new GetBlankForm(code, form), ct) is { Html: { } html, FileName: { } name }
            ? new BlankFormDownload(html, name)
            : Results.NotFound();

    /// <summary>A procedure as the API lists it, in the caller's language.</summary>
    public sealed record ProcedureJson(
        string Code, int Version, string? NationalCode, string Title, ImmutableArray<LevelJson> ReceivedAt,
        string StatutoryTime, decimal? StatutoryWorkingDays, bool Online, string Url, string? OnlineUrl)
    {
        public static ProcedureJson Of(PublicProcedure p)
        {
            ArgumentNullException.ThrowIfNull(p);
            return new(p.Code, p.Version, p.NationalCode, In(p.Title),
                [.. p.ReceivedAt.Select(LevelJson.Of)],
                In(p.Time.Words), p.Time.WorkingDays, p.Online, PageOf(p.Code),
                p.Online ? PublicCatalogueEndpoints.OnlineUrl(p.Code) : null);
        }
    }

    public sealed record UnitJson(string Code, string Name, string Level)
    {
        public static UnitJson Of(PublicUnit u) => new(u.Code, In(u.Name), u.Level);
    }

    public sealed record LevelJson(string Level, string Name, ImmutableArray<UnitJson> Units)
    {
        public static LevelJson Of(PublicLevel l) => new(l.Level, In(l.Name), [.. l.Units.Select(UnitJson.Of)]);
    }

    /// <summary>
    /// The procedures found, and the units to filter by (<c>unit=</c> takes a unit's code), by level.
    /// </summary>
    public sealed record ListJson(ImmutableArray<ProcedureJson> Procedures, ImmutableArray<LevelJson> Units)
    {
        public static ListJson Of(PublicProcedureList list) =>
            new([.. list.Procedures.Select(ProcedureJson.Of)], [.. list.Units.Select(LevelJson.Of)]);
    }

    public sealed record FeeJson(string Name, decimal Amount, string AmountText, string? Note);

    public sealed record ComponentJson(
        string Id, string Name, string Form, string FormText, int Quantity, bool Required, string? BlankFormUrl);

    public sealed record FormJson(string Id, string Title, string? FormNumber, string? Component, string Url);

    public sealed record ResultJson(string Document, bool Paper);

    public sealed record FieldJson(
        string Name, string Label, string Kind, bool Required, ImmutableArray<string> Choices);

    /// <summary>One procedure's page as the API answers it, in the caller's language.</summary>
    public sealed record DetailsJson(
        ProcedureJson Procedure, ImmutableArray<string> LegalBasis, ImmutableArray<FeeJson> Fees,
        ImmutableArray<ComponentJson> Components, ImmutableArray<FormJson> Forms, ResultJson? Result,
        ImmutableArray<FieldJson> Fields)
    {
        public static DetailsJson Of(PublicProcedureDetails d)
        {
            ArgumentNullException.ThrowIfNull(d);
            var code = d.Procedure.Code;
            return new(ProcedureJson.Of(d.Procedure), d.LegalBasis,
                [.. d.Fees.Select(f => new FeeJson(In(f.Name), f.Amount, In(f.AmountText),
                    f.Note is { } note ? In(note) : null))],
                [.. d.Components.Select(c => new ComponentJson(c.Id, In(c.Name), c.Form, In(c.FormText), c.Quantity,
                    c.Required, c.BlankForm is { } form ? FormUrl(code, form) : null))],
                [.. d.Forms.Select(f => new FormJson(f.Id, In(f.Title), f.FormNumber is { } n ? In(n) : null,
                    f.Component, FormUrl(code, f.Id)))],
                d.Result is { } r ? new ResultJson(In(r.Document), r.Paper) : null,
                [.. d.Fields.Select(f => new FieldJson(f.Name, In(f.Label), In(f.Kind), f.Required,
                    [.. f.Choices.Select(In)]))]);
        }
    }
}

/// <summary>
/// A blank form as a file to save: HTML in UTF-8 that runs nothing (the papers' policy), never sniffed as another
/// type, named after the procedure, its version and the form.
/// </summary>
internal sealed class BlankFormDownload(string html, string fileName) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var headers = httpContext.Response.Headers;
        headers.ContentSecurityPolicy = SecurityHeaders.PaperPolicy;
        headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        headers.ContentDisposition = disposition.ToString();
        return Results.Content(html, "text/html; charset=utf-8").ExecuteAsync(httpContext);
    }
}
