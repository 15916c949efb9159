using System.Text.RegularExpressions;

namespace OneStopWorkflow.Designer.Tests.Architecture;

/// <summary>
/// Pages, endpoints and CLI commands send requests: none reaches the store, Identity's user manager or the case
/// store directly, except the composition roots that register them and the web host's sign-in plumbing, which
/// ASP.NET Identity builds on its user manager.
/// </summary>
public sealed partial class MediatorDoorTests
{
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["designer/OneStopWorkflow.Designer/OneStopWebExtensions.cs"] = "the web host's composition root",
        ["designer/OneStopWorkflow.Designer/Accounts/MembershipClaimsFactory.cs"] =
            "Identity's claims factory takes a UserManager",
        ["designer/OneStopWorkflow.Designer/Accounts/AccountEndpoints.cs"] =
            "sign-in and the token endpoint are Identity's",
        ["designer/OneStopWorkflow.Designer/Accounts/PasswordCheck.cs"] =
            "the password check finds the account and its lockout through Identity",
        ["designer/OneStopWorkflow.Designer/Accounts/SessionCheck.cs"] =
            "the session check reads the account's lockout through Identity",
        ["engine/OneStopWorkflow.Cli/Composition/StoreHost.cs"] = "the command line's composition root",
    };

    [Fact]
    public void Pages_endpoints_and_commands_reach_the_store_only_through_requests()
    {
        var offenders = new[] { "designer", Path.Combine("engine", "OneStopWorkflow.Cli") }
            .SelectMany(folder =>
                Directory.EnumerateFiles(Repository.PathOf(folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains(
                    $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains(
                    $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'))
            .Where(f => !Allowed.ContainsKey(f) && Forbidden().IsMatch(File.ReadAllText(Repository.PathOf(f))))
            .Order(StringComparer.Ordinal);

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\b(OneStopDbContext|UserManager|CaseStore)\b")]
    private static partial Regex Forbidden();
}
