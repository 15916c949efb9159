using Microsoft.AspNetCore.Components.Server.Circuits;

namespace OneStopWorkflow.Designer.Lookup;

/// <summary>
/// The address of the browser a circuit serves, which the lookup limit counts the page's lookups by. Null until the
/// circuit has connected (and then the limit counts the lookup as one unknown client's).
/// </summary>
public sealed class ClientAddress
{
    public string? Address { get; set; }
}

/// <summary>
/// Takes the address from the connection's request when the circuit opens or reconnects: the only moments a circuit
/// has an HTTP request. A page never reads it from the request itself, which a circuit outlives.
/// </summary>
internal sealed class ClientAddressCapture(ClientAddress client, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Capture();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Capture();
        return Task.CompletedTask;
    }

    private void Capture()
    {
        if (http.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            client.Address = address.ToString();
        }
    }
}
