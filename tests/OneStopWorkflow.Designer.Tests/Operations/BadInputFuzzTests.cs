using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OneStopWorkflow.Designer.Tests.Operations;

/// <summary>
/// Issue 16 point 2: no bad input gets a 5xx. Every operation of the app's OpenAPI document is sent the corpus of
/// <see cref="BadInputs"/>, one thing wrong at a time, as anonymous, as a user of the wrong role and as one of the
/// right role; the same for the pages and form routes, listed by hand.
/// </summary>
[Collection(AppFactory.Collection)]
public sealed partial class BadInputFuzzTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The one demo user whose password the fuzz gets wrong: locking it out harms no other probe.</summary>
    private const string Sacrificed = "tax.officer";

    [Fact]
    public async Task Every_operation_of_the_openapi_document_answers_bad_input_without_a_5xx()
    {
        var ct = TestContext.Current.CancellationToken;
        var fuzzer = new Fuzzer(app);
        await fuzzer.StartAsync(ct);
        var anonymous = await app.ClientAsAsync(null);
        var operations = OpenApiOperations.Read(await anonymous.GetStringAsync("/api/openapi.json", ct));

        foreach (var operation in operations)
        {
            foreach (var user in Callers(operation.Path))
            {
                foreach (var probe in Probes(operation, user, fuzzer.Sample))
                {
                    await fuzzer.SendAsync(probe, ct);
                }
            }
        }

        var report = fuzzer.Report($"{operations.Length} operations of /api/openapi.json");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);
        Assert.True(operations.Length >= 25, $"the document lists {operations.Length} operations");
        Assert.True(fuzzer.Failures.Count == 0, report);
    }

    /// <summary>
    /// Every page, signed in with the cookie of a person who may open it, with each bad value in each of its query
    /// and route values: a page in the UI language or a redirect, never a 5xx (nor a prerender that throws).
    /// </summary>
    [Fact]
    public async Task Every_page_answers_bad_query_and_route_values_without_a_5xx()
    {
        var ct = TestContext.Current.CancellationToken;
        var fuzzer = new Fuzzer(app);
        await fuzzer.StartAsync(ct);
        var pages = Pages(fuzzer.Sample.Id).ToList();

        foreach (var (user, template) in pages)
        {
            // A NUL in a path never reaches an app (see Probes); in a query it does.
            var inPath = !template.Contains('?', StringComparison.Ordinal)
                || template.IndexOf("{v}", StringComparison.Ordinal) < template.IndexOf('?', StringComparison.Ordinal);
            foreach (var value in BadInputs.Values.Where(v => !inPath || !v.Contains('\0')))
            {
                var url = template.Replace("{v}", BadInputs.Escape(value), StringComparison.Ordinal);
                await fuzzer.SendAsync(new Probe(user, "GET", url, null, $"page:{Head(value)}"), ct);
            }
        }

        var report = fuzzer.Report($"{pages.Count} page addresses");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(fuzzer.Failures.Count == 0, report);
    }

    /// <summary>The pages and the values they read from their address; <c>{v}</c> is where a bad value goes.</summary>
    private static IEnumerable<(string? User, string Template)> Pages(string caseId)
    {
        yield return (null, "/tra-cuu?code={v}");
        yield return (null, "/lookup?code={v}");
        yield return (null, "/login?returnUrl={v}&error={v}");
        yield return (null, "/status/{v}");
        yield return ("clerk.lechan", "/receive?ticket={v}");
        yield return ("clerk.lechan", "/receive?unit={v}&ticket={v}");
        yield return ("clerk.lechan", "/reception?next={v}");
        yield return ("clerk.lechan", "/reception?unit={v}&next={v}");
        yield return ("clerk.lechan", "/inbox?page={v}&unit={v}");
        yield return ("clerk.lechan", "/cases/{v}");
        yield return ("clerk.lechan", $"/cases/{caseId}?tab={{v}}");
        yield return ("clerk.lechan", "/?returnUrl={v}");
        yield return ("auditor", "/audit?from={v}&to={v}&unit={v}");
        yield return ("policy", "/designer?imported={v}");
        yield return ("policy", "/designer/{v}/1");
        yield return ("policy", "/designer/land-use-transfer/{v}");
        yield return ("policy", "/designer/{v}/999");
        yield return ("admin", "/admin/users?page={v}");
    }

    /// <summary>Anonymous, a user who may not call the route, and one who may (the same for public routes).</summary>
    private static IEnumerable<string?> Callers(string path)
    {
        var (right, wrong) = path switch
        {
            _ when path.StartsWith("/api/lookup", StringComparison.Ordinal)
                || path.StartsWith("/culture", StringComparison.Ordinal)
                || path is "/api/token" or "/account/login" or "/account/logout" => ((string?)null, "auditor"),
            _ when path.StartsWith("/designer", StringComparison.Ordinal) => ("policy", "clerk.lechan"),
            _ when path.StartsWith("/audit", StringComparison.Ordinal) => ("auditor", "clerk.hongan"),
            _ when path.EndsWith("/reschedule", StringComparison.Ordinal) => ("leader.lechan", "auditor"),
            _ when path.EndsWith("/reassign", StringComparison.Ordinal) => ("leader.cn1", "clerk.hongan"),
            _ when path.EndsWith("/act", StringComparison.Ordinal)
                || path.EndsWith("/hand-up", StringComparison.Ordinal)
                => ("officer.cn1", "auditor"),
            "/api/procedures" => ("policy", "clerk.hongan"),
            _ => ("clerk.lechan", "clerk.hongan"),
        };
        return new[] { null, wrong, right }.Distinct();
    }

    /// <summary>
    /// For each parameter, every bad value with the others good; then, with good parameters, every bad body.
    /// </summary>
    private static IEnumerable<Probe> Probes(
        OpenApiOperation operation, string? user, (string Id, string Code, long Document, long Ticket) sample)
    {
        var good = operation.Parameters.ToDictionary(
            p => p.Name, p => GoodValue(operation.Path, p.Name, sample), StringComparer.Ordinal);
        var baseline = operation.Body is { } properties ? Baseline(operation.Path, properties, sample) : null;
        foreach (var parameter in operation.Parameters)
        {
            // A NUL in a path never reaches an app: Kestrel answers 400 itself, and the test server throws.
            foreach (var value in BadInputs.Values.Where(v => parameter.In != "path" || !v.Contains('\0')))
            {
                var values = new Dictionary<string, string>(good, StringComparer.Ordinal) { [parameter.Name] = value };
                yield return new Probe(user, operation.Method, Url(operation, values),
                    baseline is null ? null : Fuzzer.Json(baseline.ToJsonString()), $"{parameter.Name}={Head(value)}");
            }
        }

        var url = Url(operation, good);
        if (baseline is null)
        {
            yield return new Probe(user, operation.Method, url, null, "good");
            if (operation.Method == "POST")
            {
                foreach (var (name, text) in BadInputs.RawBodies("{}"))
                {
                    yield return new Probe(user, operation.Method, url, Fuzzer.Json(text), $"raw:{name}");
                }
            }

            yield break;
        }

        foreach (var (name, body) in Bodies(baseline, operation.Body!.Value))
        {
            yield return new Probe(user, operation.Method, url, Fuzzer.Json(body), name);
        }

        yield return new Probe(user, operation.Method, url,
            new StringContent(baseline.ToJsonString(), System.Text.Encoding.UTF8, "text/plain"), "text/plain");
        yield return new Probe(user, operation.Method, url, new ByteArrayContent([0xFF, 0xFE, 0x00]), "no-type");
    }

    private static IEnumerable<(string Name, string Body)> Bodies(
        JsonObject baseline, System.Collections.Immutable.ImmutableArray<BodyProperty> properties)
    {
        var text = baseline.ToJsonString();
        yield return ("good", text);
        foreach (var (name, raw) in BadInputs.RawBodies(text))
        {
            yield return ($"raw:{name}", raw);
        }

        yield return ("unknown-field", With(baseline, "zzz_unknown", new JsonObject { ["a"] = BadInputs.Huge[..100] }));
        foreach (var property in properties)
        {
            var without = baseline.DeepClone().AsObject();
            without.Remove(property.Name);
            yield return ($"{property.Name}:missing", without.ToJsonString());
            foreach (var (name, value) in BadInputs.PropertyValues())
            {
                yield return ($"{property.Name}:{name}", With(baseline, property.Name, value));
            }

            var extra = property.Types.Contains("object") && baseline[property.Name] is JsonObject map
                ? BadInputs.MapValues(map)
                : property.Types.Contains("array")
                    ? BadInputs.ListValues()
                    : [];
            foreach (var (name, value) in extra)
            {
                yield return ($"{property.Name}:{name}", With(baseline, property.Name, value));
            }
        }
    }

    private static string With(JsonObject baseline, string name, JsonNode? value)
    {
        var copy = baseline.DeepClone().AsObject();
        copy[name] = value?.DeepClone();
        return copy.ToJsonString();
    }

    /// <summary>
    /// A body that would be taken (or refused on business grounds only), for one thing to go wrong in.
    /// </summary>
    private static JsonObject Baseline(
        string path, System.Collections.Immutable.ImmutableArray<BodyProperty> properties,
        (string Id, string Code, long Document, long Ticket) sample)
    {
        var body = new JsonObject();
        foreach (var property in properties)
        {
            body[property.Name] = property.Name switch
            {
                "procedure" => "land-use-transfer",
                "unit" => "HP.LECHAN",
                "version" => 1,
                "channel" => "counter",
                "fields" => ToObject(LandTransferFields.Complete),
                "intakeAction" => "accept",
                "input" => new JsonObject { ["reason"] = "lý do" },
                "components" => JsonNode.Parse(
                    System.Text.Json.JsonSerializer.Serialize(LandTransferFields.ComponentsJson)),
                "action" => "send-to-tax",
                "to" => path.EndsWith("/hand-up", StringComparison.Ordinal) ? "parent" : "HP.VPDKDD",
                "reason" => "lý do",
                "newAppointment" => "2026-12-31T09:00:00+07:00",
                "counter" => 1,
                "visit" => "advice",
                "caseId" => sample.Id,
                "note" => "ghi chú",
                "dossierCode" => sample.Code,
                "secret" => "00000000",
                "score" => 5,
                "comment" => "tốt",
                "userName" => Sacrificed,
                "password" => "Demo@2026",
                _ when property.Types.Contains("string") => "x",
                _ when property.Types.Contains("integer") || property.Types.Contains("number") => 1,
                _ when property.Types.Contains("array") => new JsonArray(),
                _ when property.Types.Contains("object") => new JsonObject(),
                _ => null,
            };
        }

        return body;
    }

    private static JsonObject ToObject(IEnumerable<KeyValuePair<string, string>> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        return map;
    }

    private static string GoodValue(
        string path, string name, (string Id, string Code, long Document, long Ticket) sample) =>
        name switch
        {
            "id" when path.StartsWith("/documents", StringComparison.Ordinal) => sample.Document.ToString(
                System.Globalization.CultureInfo.InvariantCulture),
            "id" when path.Contains("/tickets/", StringComparison.Ordinal) => sample.Ticket.ToString(
                System.Globalization.CultureInfo.InvariantCulture),
            "id" or "caseId" => sample.Id,
            "key" => sample.Code,
            "code" when path.StartsWith("/designer", StringComparison.Ordinal) => "land-use-transfer",
            "code" => sample.Code,
            "version" => "1",
            "unit" or "centre" => "HP.LECHAN",
            "culture" => "en",
            "returnUrl" => "/inbox",
            "table" => "cases",
            "format" => "csv",
            "from" => "2026-01-01",
            "to" => "2026-12-31",
            "procedure" => "land-use-transfer",
            "status" => "overdue",
            "skip" => "0",
            "take" => "10",
            "secret" => "00000000",
            _ => "x",
        };

    private static string Url(OpenApiOperation operation, Dictionary<string, string> values)
    {
        var path = Placeholder().Replace(operation.Path, m => BadInputs.Escape(values[m.Groups[1].Value]));
        var query = operation.Parameters.Where(p => p.In == "query")
            .Select(p => $"{p.Name}={BadInputs.Escape(values[p.Name])}");
        return path + "?" + string.Join("&", query);
    }

    private static string Head(string value) => value.Length > 20 ? $"{value[..20]}…({value.Length})" : value;

    [GeneratedRegex("\\{([^}]+)\\}")]
    private static partial Regex Placeholder();
}
