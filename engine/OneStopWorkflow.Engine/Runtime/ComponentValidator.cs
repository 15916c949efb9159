using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// Checks the papers a clerk records against the procedure's components; every problem is on the request field
/// <c>components</c> and names the paper in words.
/// </summary>
public static class ComponentValidator
{
    public const string Field = "components";

    /// <summary>What is wrong with the list itself: unknown papers or forms, quantities, a paper twice.</summary>
    public static ImmutableArray<Rejection> Validate(
        ProcedureDefinition procedure, ImmutableArray<ReceivedComponent> components)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var problems = ImmutableArray.CreateBuilder<Rejection>();
        var seen = new HashSet<(string, string)>();
        foreach (var paper in components)
        {
            var invalid = (string variant) => Rejection.Of(RejectionCodes.ComponentInvalid, variant).On(Field);
            if (procedure.Components.FirstOrDefault(c => c.Id == paper.Component) is not { } definition)
            {
                problems.Add(invalid("unknown").With("component", paper.Component)
                    .With("known", string.Join(", ", procedure.Components.Select(c => c.Id))));
                continue;
            }

            if (!ReceivedComponent.Forms.Contains(paper.Form))
            {
                problems.Add(invalid("form").With("name", definition.Name).With("form", paper.Form));
            }
            else if (!seen.Add((paper.Component, paper.Form)))
            {
                problems.Add(invalid("twice").With("name", definition.Name)
                    .With("form", ReceivedComponent.FormName(paper.Form)));
            }

            if (paper.Quantity is < 1 or > ReceivedComponent.MaxQuantity)
            {
                problems.Add(invalid("quantity").With("name", definition.Name).With("quantity", paper.Quantity)
                    .With("max", ReceivedComponent.MaxQuantity));
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>
    /// The required components not handed in, in the procedure's order: fewer papers than it asks for, counting
    /// only the forms it accepts (a certified copy stands for a copy, an original for either).
    /// </summary>
    public static ImmutableArray<ComponentDefinition> Missing(
        ProcedureDefinition procedure, IEnumerable<ReceivedComponent> received)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(received);
        var papers = received.ToList();
        return [.. procedure.Components.Where(c => c.Required
            && papers.Where(p => p.Component == c.Id && Serves(p.Form, c.Form)).Sum(p => p.Quantity) < c.Quantity)];
    }

    /// <summary>The refusal to accept a dossier without <paramref name="missing"/>; null when none is.</summary>
    public static Rejection? MissingRejection(ImmutableArray<ComponentDefinition> missing) =>
        missing.IsEmpty ? null
        : Rejection.Of(RejectionCodes.ComponentsMissing).On(Field).With("components", new LocalizedText(
            string.Join("; ", missing.Select(c => $"{c.Name.Vi} ({Asked(c).Vi})")),
            string.Join("; ", missing.Select(c => $"{c.Name.En} ({Asked(c).En})"))));

    private static LocalizedText Asked(ComponentDefinition c)
    {
        var form = ReceivedComponent.FormName(c.Form);
        return new($"{form.Vi.ToLowerInvariant()} × {c.Quantity}", $"{form.En.ToLowerInvariant()} × {c.Quantity}");
    }

    private static bool Serves(string given, string asked) => asked switch
    {
        "original" => given == "original",
        "certified-copy" or "original-or-certified-copy" => given is "original" or "certified-copy",
        _ => true,
    };
}
