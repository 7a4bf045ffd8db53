using Faktum.Licensing.Storage;

namespace Faktum.Licensing.Updates;

/// <summary>What <see cref="UpdateAcceptor"/> decided: the update decision to show and the history to store.</summary>
/// <param name="Decision">The decision to show, or <see langword="null"/> when none is known.</param>
/// <param name="History">The history to store (unchanged when the decision was refused).</param>
internal sealed record UpdateAcceptance(UpdateDecision? Decision, UpdateHistoryState? History);
