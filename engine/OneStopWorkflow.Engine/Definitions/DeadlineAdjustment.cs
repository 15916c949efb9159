using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Rules;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>Extra statutory time when a rule holds at receipt (e.g. +10 working days in remote communes).</summary>
public sealed record DeadlineAdjustment(string Id, RuleExpression When, WorkingDuration Add, SourceLocation Location);
