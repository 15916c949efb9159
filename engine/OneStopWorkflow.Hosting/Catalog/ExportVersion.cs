using System.IO.Compression;
using System.Text;
using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>A stored version as the folder layout of procedures/, zipped (policy staff and admins).</summary>
public sealed record ExportVersion(string Code, int Version) : IQuery<VersionExport>;

/// <summary>The zip of a version and its file name, or why it cannot be had.</summary>
public sealed record VersionExport(byte[]? Zip, string FileName, Rejection? Rejection) : IRefusable<VersionExport>
{
    public static VersionExport Refused(Rejection rejection) => new(null, "", rejection);
}

internal sealed class ExportVersionHandler(OneStopDbContext db, ActorAccessor actors)
    : IQueryHandler<ExportVersion, VersionExport>
{
    public async ValueTask<VersionExport> Handle(ExportVersion query, CancellationToken cancellationToken)
    {
        if (!actors.Actor!.Memberships.Any(m => m.Role is Roles.Policy or Roles.Admin))
        {
            return VersionExport.Refused(Rejection.Of(RejectionCodes.Forbidden, "policy"));
        }

        var row = await ProcedureCatalog.FindAsync(db, query.Code, query.Version, cancellationToken);
        if (row is null)
        {
            return VersionExport.Refused(Rejection.Of(RejectionCodes.NotFound, "version")
                .With("procedure", CaseAccess.Quote(query.Code)).With("version", query.Version));
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var folder = $"{query.Code}/v{query.Version}/";
            await WriteAsync(zip, folder + "procedure.json", row.CanonicalJson, cancellationToken);
            foreach (var (path, text) in
                     VersionContent.Files(row.FilesJson).OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                await WriteAsync(zip, folder + path, text, cancellationToken);
            }
        }

        return new VersionExport(buffer.ToArray(), $"{query.Code}-v{query.Version}.zip", null);
    }

    private static async Task WriteAsync(ZipArchive zip, string path, string text, CancellationToken cancellationToken)
    {
        await using var stream = await zip.CreateEntry(path).OpenAsync(cancellationToken);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }
}
