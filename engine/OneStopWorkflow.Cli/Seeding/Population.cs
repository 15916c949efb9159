using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Seeding;

namespace OneStopWorkflow.Cli.Seeding;

/// <summary>
/// The cases of a plan: four in ten land transfers, four birth registrations and two business households.
/// </summary>
internal sealed record Population(
    SeedPlan Plan, LoadedVersion LandTransfer, SampleReplay Births, SampleReplay Households)
{
    /// <summary>Decides the cases one at a time as they are enumerated: they never sit in memory together.</summary>
    public IEnumerable<DecidedCase> Cases()
    {
        for (var i = 0; i < Plan.Count; i++)
        {
            yield return (i % 5) switch
            {
                0 or 1 => LandTransferSeed.Decide(LandTransfer, Plan, i),
                2 or 3 => Births.Replay(Plan, i),
                _ => Households.Replay(Plan, i),
            };
        }
    }
}
