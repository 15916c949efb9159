using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OneStopWorkflow.Testing;

namespace OneStopWorkflow.Faults.Running;

/// <summary>
/// The real web app (the Designer's built dll) as its own process on a loopback port over the given store, with the
/// demo users, and a client that signs a clerk in and receives land transfers through the HTTP API.
/// </summary>
internal sealed class WebApp : IDisposable
{
    private readonly Child _process;
    private readonly HttpClient _http;

    private WebApp(Child process, HttpClient http) => (_process, _http) = (process, http);

    public Child Process => _process;

    public static async Task<WebApp> StartAsync(FaultOptions options, StoreReader store, int port)
    {
        var environment = new Dictionary<string, string>(store.Environment)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OneStop__DemoData"] = "true", ["OneStop__Scanner__Enabled"] = "false",
            ["OneStop__ProceduresFolder"] = Path.Combine(options.Repository, "procedures"),
            ["OneStop__SignInLimits__PerAddress"] = "100000", ["OneStop__SignInLimits__PerUserName"] = "100000",
        };
        var process = Child.Start(options, $"web {store.Provider}", options.Web, [], environment);
        var http = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30),
        };
        var app = new WebApp(process, http);
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                if ((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        app.Dispose();
        throw new InvalidOperationException($"The web app did not start on {store.Provider}.");
    }

    /// <summary>A bearer token for a demo user.</summary>
    public async Task<string> SignInAsync(string userName)
    {
        var response = await _http.PostAsJsonAsync(new Uri("/api/token", UriKind.Relative),
            new { userName, password = "Demo@2026" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Receives a land transfer at Lê Chân as the token's clerk.</summary>
    public Task<Answer> ReceiveAsync(string token) => SendAsync(HttpMethod.Post, "/api/cases", token, new
    {
        procedure = "land-use-transfer", unit = "HP.LECHAN", fields = LandTransferFields.Complete,
        components = LandTransferFields.ComponentsJson,
    });

    /// <summary>Reads a case as the token's user.</summary>
    public Task<Answer> ReadAsync(string token, string caseId) =>
        SendAsync(HttpMethod.Get, $"/api/cases/{caseId}", token, null);

    private async Task<Answer> SendAsync(HttpMethod method, string path, string token, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("vi"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            JsonElement? json = text.Length > 0 && text.TrimStart().StartsWith('{')
                ? JsonSerializer.Deserialize<JsonElement>(text)
                : null;
            return new Answer(response.StatusCode, response.Headers.RetryAfter is not null, json);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new Answer(0, false, null) { Failure = ex.Message };
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        _http.Dispose();
    }

    /// <summary>One answer of the app: its status (0 when none came), Retry-After, and its JSON body.</summary>
    public sealed record Answer(HttpStatusCode Status, bool HasRetryAfter, JsonElement? Json)
    {
        public string? Failure { get; init; }

        public string? Code => Json is { } j && j.TryGetProperty("code", out var c) ? c.GetString() : null;

        public string? CaseId => Json is { } j && j.TryGetProperty("id", out var c) ? c.GetString() : null;

        public int Version => Json is { } j && j.TryGetProperty("version", out var v) ? v.GetInt32() : 0;

        public bool IsUnavailable(string code) =>
            Status == HttpStatusCode.ServiceUnavailable && HasRetryAfter && Code == code;
    }
}
