using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Hosting.PublicCatalog;

/// <summary>
/// One procedure's page in the public catalogue: what it is, who receives it and how long it takes, what it costs,
/// on which legal basis, the papers to bring, the forms to download, what the citizen gets and is asked.
/// </summary>
public sealed record PublicProcedureDetails(
    PublicProcedure Procedure, ImmutableArray<string> LegalBasis, ImmutableArray<PublicFee> Fees,
    ImmutableArray<PublicComponent> Components, ImmutableArray<PublicForm> Forms, PublicResult? Result,
    ImmutableArray<PublicField> Fields);

/// <summary>A fee or charge, with its amount in đồng and as written ("30.000 đ").</summary>
public sealed record PublicFee(LocalizedText Name, decimal Amount, LocalizedText AmountText, LocalizedText? Note);

/// <summary>
/// A paper of the dossier: its name, in which form (<see cref="Form"/> as procedure files write it, and in words),
/// how many, whether it is required, and the id of its blank form when it has one.
/// </summary>
public sealed record PublicComponent(
    string Id, LocalizedText Name, string Form, LocalizedText FormText, int Quantity, bool Required,
    string? BlankForm);

/// <summary>
/// A blank form to download: the document's id (the address's last segment), title, the Circular 03/2025 form
/// number in words when it is one, and the component it is the form of, if any.
/// </summary>
public sealed record PublicForm(string Id, LocalizedText Title, LocalizedText? FormNumber, string? Component);

/// <summary>What the citizen gets at the end: the result document's title, and whether a paper is returned.</summary>
public sealed record PublicResult(LocalizedText Document, bool Paper);

/// <summary>A field the citizen will be asked: its label, what kind of answer, whether required, the choices.</summary>
public sealed record PublicField(
    string Name, LocalizedText Label, LocalizedText Kind, bool Required, ImmutableArray<LocalizedText> Choices);
