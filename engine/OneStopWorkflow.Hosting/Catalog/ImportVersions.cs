using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// Publishes every version folder (one holding a procedure.json) of a zip exported from the designer, through the
/// same checks as the catalog import and the designer's publish (policy staff and admins). A file that is not a
/// zip, a truncated one, or one without a procedure.json is refused as a whole, with a diagnostic on the file.
/// </summary>
public sealed record ImportVersions(byte[] Zip) : ICommand<ImportResult>
{
    /// <summary>The uploaded file's name, for the diagnostics' location.</summary>
    public string FileName { get; init; } = "import.zip";
}

public sealed record ImportResult(ImmutableArray<PublishOutcome> Outcomes, Rejection? Rejection)
    : IRefusable<ImportResult>
{
    public static ImportResult Refused(Rejection rejection) => new([], rejection);
}

internal sealed class ImportVersionsHandler(VersionPublisher publisher, ActorAccessor actors)
    : ICommandHandler<ImportVersions, ImportResult>
{
    /// <summary>The largest entry read from a zip; a procedure or template file is a few kilobytes.</summary>
    private const long MaxEntryBytes = 5_000_000;

    public async ValueTask<ImportResult> Handle(ImportVersions command, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        if (!actor.Memberships.Any(m => m.Role is Roles.Policy or Roles.Admin))
        {
            return ImportResult.Refused(Rejection.Of(RejectionCodes.Forbidden, "policy"));
        }

        Dictionary<string, string> texts;
        try
        {
            texts = await ReadAsync(command.Zip, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return Unreadable(command.FileName, "OSW1010",
                $"The file is not a zip archive, or it is truncated or damaged ({ex.Message.TrimEnd('.')}); "
                + "export the version again from the designer and import that zip.");
        }

        var outcomes = ImmutableArray.CreateBuilder<PublishOutcome>();
        var procedures = texts.Keys
            .Where(k => k == "procedure.json" || k.EndsWith("/procedure.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        if (procedures.Count == 0)
        {
            return Unreadable(command.FileName, "OSW1011",
                "The zip holds no procedure.json; a version folder (such as land-use-transfer/v1/) needs one.");
        }

        foreach (var procedure in procedures)
        {
            var folder = procedure[..^"procedure.json".Length];
            var files = texts.Where(t => t.Key.StartsWith(folder, StringComparison.Ordinal) && t.Key != procedure)
                .ToImmutableDictionary(t => t.Key[folder.Length..], t => t.Value, StringComparer.Ordinal);
            outcomes.Add(await publisher.PublishAsync(
                new ProcedureSource(procedure, texts[procedure], files), actor.User, cancellationToken));
        }

        return new ImportResult(outcomes.ToImmutable(), null);
    }

    private static ImportResult Unreadable(string file, string code, string message) =>
        new([new PublishOutcome(file, null, null, PublishStatus.Refused,
            [new Diagnostic(code, Severity.Error, message, new SourceLocation(file, 1, 1))], $"refused: {message}")],
            null);

    private static async Task<Dictionary<string, string>> ReadAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.Length is > 0 and < MaxEntryBytes
                     && !e.FullName.Contains("..", StringComparison.Ordinal)))
        {
            await using var stream = await entry.OpenAsync(cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            texts[entry.FullName.Replace('\\', '/')] = await reader.ReadToEndAsync(cancellationToken);
        }

        return texts;
    }
}
