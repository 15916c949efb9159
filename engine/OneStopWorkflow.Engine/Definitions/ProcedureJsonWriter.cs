using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OneStopWorkflow.Engine.Json;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// Writes a definition back to the procedure file format. The compact form is canonical: the same definition
/// always gives the same bytes, whatever the spacing or property order of the file it came from, and its
/// SHA-256 identifies the version.
/// </summary>
public static class ProcedureJsonWriter
{
    public static string Canonical(ProcedureDefinition procedure) => Write(procedure, new JsonWriterOptions());

    public static string Indented(ProcedureDefinition procedure) =>
        Write(procedure, new JsonWriterOptions { Indented = true }) + "\n";

    public static string Sha256(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    private static string Write(ProcedureDefinition p, JsonWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(p);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(
            stream, options with { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("code", p.Code.Value);
            w.WriteNumber("version", p.Version);
            Optional(w, "nationalCode", p.NationalCode);
            Text(w, "title", p.Title);
            Strings(w, "legalBasis", p.LegalBasis);
            Strings(w, "receivableAt", p.ReceivableAt);
            w.WriteString("calendar", p.Calendar);
            w.WritePropertyName("statutoryDeadline");
            if (p.StatutoryDeadline.SameDay)
            {
                w.WriteStartObject();
                w.WriteBoolean("sameDay", true);
                w.WriteEndObject();
            }
            else
            {
                Duration(w, p.StatutoryDeadline.Duration);
            }

            Optional(w, "cutOff", p.CutOff?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            w.WritePropertyName("dueSoon");
            Duration(w, p.DueSoon);
            if (p.MaxExtension is { } maxExtension)
            {
                w.WritePropertyName("maxExtension");
                Duration(w, maxExtension);
            }
            Array(w, "deadlineAdjustments", p.DeadlineAdjustments, a =>
            {
                w.WriteString("id", a.Id);
                w.WriteString("when", a.When.Source);
                w.WritePropertyName("add");
                Duration(w, a.Add);
            });
            Fields(w, "fields", p.Fields);
            Array(w, "components", p.Components, c =>
            {
                w.WriteString("id", c.Id);
                Text(w, "name", c.Name);
                w.WriteString("form", c.Form);
                w.WriteNumber("quantity", c.Quantity);
                Flag(w, "required", c.Required);
            });
            Array(w, "documents", p.Documents, doc =>
            {
                w.WriteString("id", doc.Id);
                Text(w, "title", doc.Title);
                Optional(w, "form", doc.Form);
                w.WriteString("template", doc.Template);
            });
            // Written only when given, so the hash of a version from before fees, results and online services stays.
            Array(w, "fees", p.Fees, f =>
            {
                Text(w, "name", f.Name);
                w.WriteNumber("amount", f.Amount);
                if (f.Note is { } note)
                {
                    Text(w, "note", note);
                }
            });
            if (p.Result is { } result)
            {
                w.WritePropertyName("result");
                w.WriteStartObject();
                w.WriteString("document", result.Document);
                Flag(w, "paper", result.Paper);
                w.WriteEndObject();
            }

            if (p.Online is { } online)
            {
                w.WritePropertyName("online");
                w.WriteStartObject();
                if (!online.AfterHoursNextDay)
                {
                    w.WriteBoolean("afterHoursNextDay", false);
                }

                w.WriteEndObject();
            }

            w.WriteString("start", p.Start.Value);
            Array(w, "steps", p.Steps, s => Step(w, s));
            Escalations(w, p.Escalations);
            // The default roles are not written, so the hash of a procedure that does not name them stays the same.
            var namesRoles = !p.WithdrawalRoles.SequenceEqual(ProcedureDefinition.DefaultWithdrawalRoles);
            if (!p.WithdrawalDocuments.IsDefaultOrEmpty || namesRoles)
            {
                w.WritePropertyName("withdrawal");
                w.WriteStartObject();
                Strings(w, "documents", p.WithdrawalDocuments);
                if (namesRoles)
                {
                    Strings(w, "by", p.WithdrawalRoles);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Step(Utf8JsonWriter w, StepDefinition s)
    {
        w.WriteString("id", s.Id.Value);
        w.WriteString("kind", Names.Kebab(s.Kind.ToString()));
        Text(w, "title", s.Title);
        Optional(w, "role", s.Role);
        if (s.Kind is StepKind.Task or StepKind.Wait)
        {
            Unit(w, s.Unit);
        }

        if (s.Budget is { } budget)
        {
            w.WritePropertyName("budget");
            Duration(w, budget);
        }

        if (s.Kind == StepKind.Wait)
        {
            w.WriteString("clock", Names.Kebab(s.Clock.ToString()));
            Optional(w, "awaits", s.Awaits is { } a ? Names.Kebab(a.ToString()) : null);
            Optional(w, "resubmitTo", s.ResubmitTo?.Value);
        }

        Array(w, "actions", s.Actions, a => Action(w, a));
        Optional(w, "next", s.Next?.Value);
        Strings(w, "branches", [.. s.Branches.Select(b => b.Value)]);
        Optional(w, "join", s.Join?.Value);
        Optional(w, "outcome", s.Outcome is { } o ? Names.Kebab(o.ToString()) : null);
        Strings(w, "documents", s.Documents);
        Escalations(w, s.Escalations);
    }

    private static void Action(Utf8JsonWriter w, ActionDefinition a)
    {
        w.WriteString("id", a.Id);
        Text(w, "title", a.Title);
        w.WriteString("to", a.To.Value);
        Optional(w, "guard", a.Guard?.Source);
        if (a.GuardDescription is { } description)
        {
            Text(w, "guardDescription", description);
        }

        Fields(w, "input", a.Input);
        Strings(w, "documents", a.Documents);
        Flag(w, "startsClock", a.StartsClock);
    }

    private static void Escalations(
        Utf8JsonWriter w, System.Collections.Immutable.ImmutableArray<EscalationDefinition> items) =>
        Array(w, "escalations", items, e =>
        {
            w.WriteString("id", e.Id);
            w.WriteString("trigger", Names.Kebab(e.Trigger.ToString()));
            if (e.After != WorkingDuration.Zero)
            {
                w.WritePropertyName("after");
                Duration(w, e.After);
            }

            Optional(w, "when", e.When?.Source);
            Optional(w, "notify", e.Notify);
            Optional(w, "reassignTo", e.ReassignTo);
            Strings(w, "documents", e.Documents);
            if (e.Reschedule is { } reschedule)
            {
                w.WritePropertyName("reschedule");
                Duration(w, reschedule);
            }
        });

    private static void Unit(Utf8JsonWriter w, UnitAssignment unit)
    {
        if (unit.Kind == UnitAssignmentKind.Rule)
        {
            w.WritePropertyName("unit");
            w.WriteStartObject();
            w.WriteString("rule", unit.Rule!.Source);
            w.WriteEndObject();
            return;
        }

        w.WriteString("unit", unit.ToString());
    }

    private static void Fields(
        Utf8JsonWriter w, string name, System.Collections.Immutable.ImmutableArray<FieldDefinition> fields) =>
        Array(w, name, fields, f =>
        {
            w.WriteString("name", f.Name);
            w.WriteString("type", Names.Kebab(f.Type.ToString()));
            Text(w, "label", f.Label);
            Flag(w, "required", f.Required);
            Flag(w, "contact", f.Contact);
            Choices(w, f);
            if (f.Min is { } min)
            {
                w.WriteNumber("min", Normal(min));
            }

            if (f.Max is { } max)
            {
                w.WriteNumber("max", Normal(max));
            }

            if (f.MinDate is { } minDate)
            {
                w.WriteString("min", minDate.ToString());
            }

            if (f.MaxDate is { } maxDate)
            {
                w.WriteString("max", maxDate.ToString());
            }

            if (f.MaxLength is { } maxLength)
            {
                w.WriteNumber("maxLength", maxLength);
            }
        });

    private static void Duration(Utf8JsonWriter w, WorkingDuration duration)
    {
        w.WriteStartObject();
        w.WriteNumber(
            duration.Unit == DurationUnit.WorkingDays ? "workingDays" : "workingHours", Normal(duration.Amount));
        w.WriteEndObject();
    }

    private static decimal Normal(decimal value) => value / 1.0000000000000000000000000000m;

    private static void Text(Utf8JsonWriter w, string name, LocalizedText text)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WriteString("vi", text.Vi);
        w.WriteString("en", text.En);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Flag(Utf8JsonWriter w, string name, bool value)
    {
        if (value)
        {
            w.WriteBoolean(name, true);
        }
    }

    /// <summary>Choices as plain values, or with their labels when the procedure gives them.</summary>
    private static void Choices(Utf8JsonWriter w, FieldDefinition field)
    {
        if (field.ChoiceLabels.IsEmpty)
        {
            Strings(w, "choices", field.Choices);
            return;
        }

        w.WriteStartArray("choices");
        foreach (var choice in field.Choices)
        {
            w.WriteStartObject();
            w.WriteString("value", choice);
            if (field.ChoiceLabels.TryGetValue(choice, out var label))
            {
                Text(w, "label", label);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Strings(
        Utf8JsonWriter w, string name, System.Collections.Immutable.ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void Array<T>(
        Utf8JsonWriter w, string name, System.Collections.Immutable.ImmutableArray<T> items, Action<T> body)
    {
        if (items.IsDefaultOrEmpty)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            body(item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
