using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OneStopWorkflow.Designer.Tests.Operations;

/// <summary>One request of the fuzz: who sends it, how, and a label that says what is wrong with it.</summary>
internal sealed record Probe(string? User, string Method, string Url, HttpContent? Content, string Label)
{
    public override string ToString() => $"{User ?? "anonymous"} {Method} {Shorten(Url)} [{Label}]";

    private static string Shorten(string url) => url.Length > 160 ? url[..160] + $"…({url.Length})" : url;
}

/// <summary>
/// Sends probes to the app as anonymous or as a demo user (a bearer token each), and keeps the count and every
/// answer of 500 or more (or a request that threw instead of answering).
/// </summary>
internal sealed class Fuzzer(AppFactory app)
{
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];

    public int Sent { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>A case received for the fuzz at Lê Chân, with its dossier code and first document.</summary>
    public (string Id, string Code, long Document, long Ticket) Sample { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clerk = await ClientAsync("clerk.lechan");
        var created = await clerk.PostAsJsonAsync("/api/cases", new
        {
            procedure = "land-use-transfer", unit = "HP.LECHAN",
            fields = new Dictionary<string, string>(LandTransferFields.Complete),
            components = LandTransferFields.ComponentsJson,
        }, cancellationToken);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken))
            .GetProperty("id").GetString()!;
        var details = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{id}", cancellationToken);
        var ticket = await clerk.PostAsync("/api/reception/HP.LECHAN/tickets", null, cancellationToken);
        Sample = (id, details.GetProperty("case").GetProperty("dossierCode").GetString()!,
            details.GetProperty("documents")[0].GetProperty("id").GetInt64(),
            (await ticket.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetInt64());
    }

    public async Task SendAsync(Probe probe, CancellationToken cancellationToken)
    {
        var client = probe.Label.StartsWith("page", StringComparison.Ordinal)
            ? await PageClientAsync(probe.User)
            : await ClientAsync(probe.User);
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url) { Content = probe.Content };
        request.Headers.Accept.ParseAdd(probe.Label.StartsWith("page", StringComparison.Ordinal)
            ? "text/html" : "application/json");
        Sent++;
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                _failures.Add($"{(int)response.StatusCode} {probe}: {(body.Length > 300 ? body[..300] : body)}");
            }
        }
        catch (HttpRequestException ex)
        {
            _failures.Add($"threw {probe}: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // The test server rethrows what the app threw after its answer had started.
            _failures.Add($"threw {probe}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public string Report(string what) =>
        $"{what}: {Sent} requests sent, {Failures.Count} answered 5xx or threw."
        + string.Concat(Failures.Take(40).Select(f => "\n  " + f));

    public static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    /// <summary>Pages take the sign-in cookie, never a bearer token: a client signed in through the form.</summary>
    private async Task<HttpClient> PageClientAsync(string? user)
    {
        if (_clients.TryGetValue("page:" + user, out var client))
        {
            return client;
        }

        client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        if (user is not null)
        {
            var signIn = await Accounts.GuardedApp.PostSignInAsync(client, user, Demo.DemoData.Password);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
            client.DefaultRequestHeaders.Add("Cookie", Accounts.GuardedApp.CookiesOf(signIn));
        }

        _clients["page:" + user] = client;
        return client;
    }

    private async Task<HttpClient> ClientAsync(string? user)
    {
        if (_clients.TryGetValue(user ?? "", out var client))
        {
            return client;
        }

        client = await app.ClientAsAsync(user);
        _clients[user ?? ""] = client;
        return client;
    }
}
