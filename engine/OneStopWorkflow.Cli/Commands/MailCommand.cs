using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Cli.Composition;
using OneStopWorkflow.Hosting.Mail;

namespace OneStopWorkflow.Cli.Commands;

/// <summary>
/// <c>onestop mail send [--once] [--max n]</c>: sends the outbox's mails due now through the SMTP server of
/// <c>OneStop:Mail</c> (appsettings.json or <c>OneStop__Mail__Host</c>, <c>__Port</c>, …), as the web app's sender
/// does, claiming each mail so it can run beside the app. Without <c>--once</c> it goes on while mails are due and
/// the server takes them; prints what it sent. Exit 1 when a mail failed.
/// </summary>
internal static class MailCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "One pass only (at most --max mails), then stop." };
        var max = new Option<int?>("--max")
        {
            Description = "The most mails one pass sends (default OneStop:Mail:Batch).",
        };
        var send = new Command("send", "Send the outbox's mails that are due now.") { once, max };
        send.SetAction((result, cancellationToken) =>
            SendAsync(result.GetValue(once), result.GetValue(max), cancellationToken));
        return new Command("mail", "The outbox of mails to applicants.") { send };
    }

    private static async Task<int> SendAsync(bool once, int? max, CancellationToken cancellationToken)
    {
        using var host = StoreHost.Build(null, null);
        var sender = host.Services.GetRequiredService<OutboxSender>();
        var (sent, failed) = (0, 0);
        while (true)
        {
            OutboxPass pass;
            try
            {
                pass = await sender.SendDueAsync(max, cancellationToken);
            }
            catch (System.Data.Common.DbException ex)
            {
                await Console.Error.WriteLineAsync(
                    $"mail: the database has no outbox to read ({ex.Message}); start the web app once against it "
                    + "(it creates and migrates the store), then send again.");
                return 2;
            }

            (sent, failed) = (sent + pass.Sent, failed + pass.Failed);
            if (once || pass.Failed > 0 || pass.Sent == 0)
            {
                break;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mail: sent {sent}, failed {failed}"));
        return failed > 0 ? 1 : 0;
    }
}
