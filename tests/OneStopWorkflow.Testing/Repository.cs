namespace OneStopWorkflow.Testing;

/// <summary>Finds files of this repository from a test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStopWorkflow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OneStopWorkflow.sln not found above the test output folder.");
    }
}
