using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Tests.Architecture;

/// <summary>The engine decides; it does no I/O and reads no clock (DESIGN §3).</summary>
public sealed class EnginePurityTests
{
    private static readonly string EnginePath = typeof(ProcedureLoader).Assembly.Location;

    [Fact]
    public void References_no_database_web_or_dependency_injection_assembly()
    {
        var references = typeof(ProcedureLoader).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Scriban.Signed", references);
        Assert.DoesNotContain(references, name =>
            name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)
            || name.StartsWith("System.IO.FileSystem", StringComparison.Ordinal));
    }

    [Fact]
    public void Uses_no_file_system_type_and_no_clock()
    {
        using var stream = File.OpenRead(EnginePath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var types = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .ToHashSet();
        var members = metadata.MemberReferences
            .Select(h => metadata.GetMemberReference(h))
            .Select(m => metadata.GetString(m.Name))
            .ToHashSet();

        string[] banned = ["System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo",
            "System.IO.FileStream", "System.IO.Path", "System.TimeProvider"];
        Assert.DoesNotContain(banned, types.Contains);
        Assert.DoesNotContain("get_Now", members);
        Assert.DoesNotContain("get_UtcNow", members);
        Assert.DoesNotContain("get_Today", members);
    }
}
