namespace OneStopWorkflow.Designer.Operations;

/// <summary>
/// Finds the procedure catalog whether the app runs from its project folder, the repository root or a publish
/// folder: the configured path relative to the content root, else the nearest "procedures" folder above.
/// </summary>
public static class CatalogLocation
{
    public static string Resolve(string? configured, string contentRoot)
    {
        var candidate = Path.GetFullPath(Path.Combine(contentRoot, configured ?? "procedures"));
        if (Directory.Exists(Path.Combine(candidate, "calendars")))
        {
            return candidate;
        }

        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var found = Path.Combine(dir.FullName, "procedures");
                if (Directory.Exists(Path.Combine(found, "calendars")))
                {
                    return found;
                }
            }
        }

        return candidate;
    }
}
