using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Scans;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Online;

/// <summary>A file a citizen attached to a component of their dossier, as it arrived.</summary>
public sealed record UploadedScan(string Component, string FileName, byte[] Content);

/// <summary>
/// Checks the files of a submission or supplement (kind by content, size per file and per dossier) and stores them,
/// each with its SHA-256, before the command that names them is decided. A command that is then refused takes its
/// files back with <see cref="ForgetAsync"/>.
/// </summary>
public sealed class ScanIntake(OneStopDbContext db, IOptions<OneStopOptions> options, TimeProvider time)
{
    /// <summary>Every problem with the files at once; empty when they may be stored.</summary>
    public ImmutableArray<Rejection> Check(ProcedureDefinition procedure, IReadOnlyList<UploadedScan> scans)
    {
        var limits = options.Value.Online;
        var problems = ImmutableArray.CreateBuilder<Rejection>();
        if (scans.Count > limits.MaxFiles)
        {
            problems.Add(Rejection.Of(RejectionCodes.FieldInvalid, "too-many-files").On("components")
                .With("count", scans.Count).With("limit", limits.MaxFiles));
        }

        foreach (var scan in scans)
        {
            var field = $"components.{scan.Component}";
            if (procedure.Components.All(c => c.Id != scan.Component))
            {
                problems.Add(Rejection.Of(RejectionCodes.ComponentInvalid, "unknown").On(field)
                    .With("component", TextInput.Quote(scan.Component))
                    .With("known", string.Join(", ", procedure.Components.Select(c => c.Id))));
            }
            else if (scan.Content.LongLength > limits.MaxFileBytes)
            {
                problems.Add(TooLarge(scan.Component, scan.FileName, scan.Content.LongLength, limits.MaxFileBytes));
            }
            else if (ScanContent.Sniff(scan.Content) is null)
            {
                problems.Add(Rejection.Of(RejectionCodes.ScanInvalid).On(field).With("file", Name(scan.FileName)));
            }
        }

        var total = scans.Sum(s => s.Content.LongLength);
        if (total > limits.MaxDossierBytes)
        {
            problems.Add(Rejection.Of(RejectionCodes.DossierTooLarge).On("components")
                .With("size", Size(total)).With("limit", Size(limits.MaxDossierBytes)));
        }

        return problems.ToImmutable();
    }

    /// <summary>
    /// Stores the files for <paramref name="caseId"/> and returns the papers they make: one per component, in the form
    /// the procedure asks for, with a reference to each file.
    /// </summary>
    public async Task<ImmutableArray<ReceivedComponent>> StoreAsync(
        ProcedureDefinition procedure, string caseId, IReadOnlyList<UploadedScan> scans,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var references = new List<(string Component, ScanReference Reference)>();
        foreach (var scan in scans)
        {
            var row = new ScanRow
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                CaseId = caseId,
                Component = scan.Component,
                FileName = Name(scan.FileName),
                MediaType = ScanContent.Sniff(scan.Content)!,
                Length = scan.Content.LongLength,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(scan.Content)),
                Content = scan.Content,
                UploadedAt = now,
            };
            db.Scans.Add(row);
            references.Add((scan.Component,
                new ScanReference(row.Id, row.FileName, row.MediaType, row.Length, row.Sha256)));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return [.. references.GroupBy(r => r.Component).Select(g =>
        {
            var component = procedure.Components.First(c => c.Id == g.Key);
            return new ReceivedComponent(g.Key, ReceivedComponent.AskedForm(component), component.Quantity)
            {
                Scans = [.. g.Select(r => r.Reference)],
            };
        })];
    }

    /// <summary>Takes back the files of a command that was refused: nothing on any trail names them.</summary>
    public Task ForgetAsync(ImmutableArray<ReceivedComponent> papers, CancellationToken cancellationToken)
    {
        var ids = papers.SelectMany(p => p.Scans ?? []).Select(s => s.Id).ToList();
        return db.Scans.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The refusal of a file over the size limit, for the component it was attached to.</summary>
    public static Rejection TooLarge(string component, string fileName, long size, long limit) =>
        Rejection.Of(RejectionCodes.ScanTooLarge).On($"components.{component}").With("file", Name(fileName))
            .With("size", Size(size)).With("limit", Size(limit));

    /// <summary>A file's name without any folder, of printable characters, at most 120 long.</summary>
    public static string Name(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\'))]);
        name = name.Length > 120 ? name[^120..] : name;
        return name.Length == 0 ? "scan" : name;
    }

    /// <summary>A size for people: "30,0 MB" / "30.0 MB", or "12 KB" under a megabyte.</summary>
    public static LocalizedText Size(long bytes)
    {
        if (bytes < 1024 * 1024)
        {
            var kilobytes = Math.Max(1, (long)Math.Ceiling(bytes / 1024.0)).ToString(CultureInfo.InvariantCulture);
            return new LocalizedText(kilobytes + " KB", kilobytes + " KB");
        }

        var megabytes = bytes / (1024.0 * 1024.0);
        return new LocalizedText(
            megabytes.ToString("0.0", CultureInfo.GetCultureInfo("vi-VN")) + " MB",
            megabytes.ToString("0.0", CultureInfo.InvariantCulture) + " MB");
    }
}
