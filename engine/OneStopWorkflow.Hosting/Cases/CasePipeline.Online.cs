using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Hosting.Writing;
using OneStopWorkflow.Persistence.Cases;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>
/// The citizen's commands: an online submission, which starts a case as a receipt does but waits for a clerk, and
/// a supplement added online. The caller has proven who the citizen is (the dossier's secret); no actor is signed in.
/// </summary>
public sealed partial class CasePipeline
{
    /// <summary>
    /// Starts the case <paramref name="id"/> of <paramref name="procedure"/> at <paramref name="unit"/>: numbered in
    /// the writer like a receipt (its dossier code is the citizen's submission code), its secret the one returned.
    /// </summary>
    public async Task<(CaseResult Result, string Secret)> SubmitOnlineAsync(
        CaseId id, string procedure, string unit, SubmitOnlineCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var secret = NewSecret();
        command = command with { Secret = secret };
        var decided = await writer.WriteAsync(id.Value, async (session, token) =>
        {
            var version = await session.PublishedVersionAsync(catalog, procedure, null, token);
            if (version is null)
            {
                return Refused([Rejection.Of(RejectionCodes.ProcedureUnknown).On("procedure")
                    .With("procedure", CaseAccess.Quote(procedure))]);
            }

            var now = version.At(time.GetUtcNow());
            var day = now.Calendar.ToLocal(now.Now)
                .ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            Decision decision;
            do
            {
                var sequence = await session.NextDossierNumberAsync(unit, day, 1, token);
                decision = Workflow.Decide(now, null, command with { Sequence = sequence });
                if (decision.IsRejected)
                {
                    return Refused(decision.Rejections);
                }
            }
            while (await session.IsDossierCodeTakenAsync(decision.State!.DossierCode, token));

            var state = decision.State!;
            var events = decision.Events;
            var shared = await SharedTemplatesAsync(token);
            return new Written<Decided>(new Decided(state, version, now.Now, []),
                new CaseSave(null, state, events, Workflow.NextTick(now, state), [], Actor.ApplicantUser,
                    now.Calendar) { Procedure = now.Procedure })
            {
                Documents = () => Render(now, null, [], events, SecretGivenOnline),
                Mails = () => RenderMails(now, null, [], events, secret, shared),
            };
        }, cancellationToken);
        return (decided.ToResult(), secret);
    }

    /// <summary>
    /// The citizen's supplement to the case <paramref name="caseId"/>, found by its code and secret: decided on the
    /// case as it stands, like a clerk's record of a supplement, with the citizen as the actor.
    /// </summary>
    public async Task<CaseResult> ResubmitAsApplicantAsync(
        string caseId, ResubmitCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var decided = await writer.WriteAsync(caseId, async (session, token) =>
        {
            var stored = await session.FindAsync(caseId, token);
            if (stored is null)
            {
                return Refused([CaseAccess.NotFound(caseId)]);
            }

            var version = await catalog.VersionOfAsync(session.Db, stored.Row, token);
            var context = version.At(time.GetUtcNow());
            var named = command with { Secret = NewSecret() };
            var decision = Workflow.Decide(context, stored.State, named);
            if (decision.IsRejected)
            {
                return Refused(decision.Rejections);
            }

            var state = decision.State!;
            var events = decision.Events;
            var shared = await SharedTemplatesAsync(token);
            return new Written<Decided>(new Decided(state, version, context.Now, []),
                new CaseSave(stored, state, events, Workflow.NextTick(context, state), [], Actor.ApplicantUser,
                    context.Calendar) { Procedure = context.Procedure })
            {
                Documents = () => Render(context, stored.State, stored.Events, events, SecretGivenOnline),
                Mails = () => RenderMails(context, stored.State, stored.Events, events, SecretGivenOnline, shared),
            };
        }, cancellationToken);
        return decided.ToResult();
    }
}
