using OneStopWorkflow.Engine.Units;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// Export a stored version as the folder layout of procedures/ (a zip), and import one through the same checks as
/// the catalog import and the designer's publish.
/// </summary>
public static class TransferEndpoints
{
    public static void MapTransferEndpoints(this WebApplication app)
    {
        app.MapGet("/designer/export/{code}/{version:int}", async (string code, int version, OneStopDbContext db, CancellationToken ct) =>
        {
            var row = await ProcedureCatalog.FindAsync(db, code, version, ct);
            if (row is null)
            {
                return Results.NotFound();
            }

            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                await WriteAsync(zip, $"{code}/v{version}/procedure.json", row.CanonicalJson, ct);
                foreach (var (path, text) in VersionContent.Files(row.FilesJson).OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    await WriteAsync(zip, $"{code}/v{version}/{path}", text, ct);
                }
            }

            return Results.File(buffer.ToArray(), "application/zip", $"{code}-v{version}.zip");
        }).RequireAuthorization(p => p.RequireRole(Roles.Policy, Roles.Admin));

        app.MapPost("/designer/import", async (HttpContext http, VersionPublisher publisher, ActorAccessor actors, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            var form = await http.Request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { Length: > 0 } file || actors.Actor is not { } actor
                || !actor.Memberships.Any(m => m.Role is Roles.Policy or Roles.Admin))
            {
                return Results.LocalRedirect("/designer?imported=" + Uri.EscapeDataString("Choose a .zip exported from the designer."));
            }

            var outcomes = await ImportAsync(file.OpenReadStream(), publisher, actor.User, ct);
            return Results.LocalRedirect("/designer?imported=" + Uri.EscapeDataString(string.Join(" | ", outcomes.Select(o => o.ToString()))));
        }).RequireAuthorization(p => p.RequireRole(Roles.Policy, Roles.Admin));
    }

    /// <summary>Publishes every version folder (one holding a procedure.json) found in a zip.</summary>
    public static async Task<IReadOnlyList<PublishOutcome>> ImportAsync(Stream zipStream, VersionPublisher publisher, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.Length > 0 && e.Length < 5_000_000 && !e.FullName.Contains("..", StringComparison.Ordinal)))
        {
            await using var stream = await entry.OpenAsync(cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            texts[entry.FullName.Replace('\\', '/')] = await reader.ReadToEndAsync(cancellationToken);
        }

        var outcomes = new List<PublishOutcome>();
        foreach (var procedure in texts.Keys.Where(k => k.EndsWith("procedure.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var folder = procedure[..^"procedure.json".Length];
            var files = texts.Where(t => t.Key.StartsWith(folder, StringComparison.Ordinal) && t.Key != procedure)
                .ToDictionary(t => t.Key[folder.Length..], t => t.Value, StringComparer.Ordinal);
            outcomes.Add(await publisher.PublishAsync(new ProcedureSource(procedure, texts[procedure],
                System.Collections.Immutable.ImmutableDictionary.CreateRange(StringComparer.Ordinal, files)), by, cancellationToken));
        }

        return outcomes;
    }

    private static async Task WriteAsync(ZipArchive zip, string path, string text, CancellationToken cancellationToken)
    {
        await using var stream = await zip.CreateEntry(path).OpenAsync(cancellationToken);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }
}
