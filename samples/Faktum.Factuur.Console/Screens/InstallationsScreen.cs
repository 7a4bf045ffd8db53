using Faktum.Licensing;

namespace Faktum.Factuur.Screens;

/// <summary>
/// The installations screen (S8): the computers holding a seat of the license, with their names and when they were last seen;
/// the owner releases one (it drops to read-only at its next start) or gives one another name. Also the seat choice at
/// confirmation when every seat is taken.
/// </summary>
internal sealed class InstallationsScreen(Terminal ui, Texts.Texts texts, IFaktumLicensing licensing, Output output)
{
    private enum Action
    {
        Release,
        Rename,
        Back,
    }

    /// <summary>Lists the installations until the user goes back; exit code as the commands use them.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var listed = await ui.BusyAsync(texts.Checking, () => licensing.GetInstallationsAsync(cancellationToken)).ConfigureAwait(false);
            if (!listed.Succeeded)
            {
                ShowFailure("installations", SdkFailure.From(listed));
                return ExitCodes.Error;
            }

            Show(listed.Value);
            var action = await ui.ChooseAsync(texts.WhatNow, [(Action.Back, texts.BackChoice), (Action.Release, texts.ReleaseOne), (Action.Rename, texts.RenameOne)], cancellationToken)
                .ConfigureAwait(false);
            if (action == Action.Back)
            {
                return ExitCodes.Success;
            }

            var which = await ChooseInstallationAsync(texts.Which, listed.Value.Installations, cancellationToken).ConfigureAwait(false);
            if (which is null)
            {
                continue;
            }

            if (action == Action.Release)
            {
                var released = await ui.BusyAsync(texts.Sending, () => licensing.ReleaseInstallationAsync(which.Id, cancellationToken)).ConfigureAwait(false);
                Report("release", released, texts.Released(which.Label ?? texts.NoLabel));
                continue;
            }

            var label = await ui.AskAsync(texts.NewLabel, _ => null, which.Label, optional: true, cancellationToken).ConfigureAwait(false);
            if (label.Value is { } value)
            {
                var renamed = await ui.BusyAsync(texts.Sending, () => licensing.RenameInstallationAsync(which.Id, value.Length == 0 ? null : value, cancellationToken)).ConfigureAwait(false);
                Report("rename", renamed, texts.Renamed(value.Length == 0 ? texts.NoLabel : value));
            }
        }
    }

    /// <summary>
    /// Seats full at confirmation: the computers holding them, and the one to release (its id in <see cref="SeatChoice.ReleaseInstallationId"/>),
    /// then a name for this computer unless <paramref name="askLabel"/> is false; <see langword="null"/> for "back". With several
    /// companies brought at once (S9) <paramref name="companyName"/> names the company whose seats are full.
    /// </summary>
    public async Task<SeatChoice?> ChooseSeatAsync(IReadOnlyList<LicensedInstallation> installations, string? companyName, bool askLabel, CancellationToken cancellationToken)
    {
        ui.Title(companyName is null ? texts.SeatsFullTitle : texts.SeatsFullOf(companyName));
        ui.Say(texts.SeatsFullIntro);
        ShowTable(installations);
        var which = await ChooseInstallationAsync(texts.ReleaseWhich, installations, cancellationToken).ConfigureAwait(false);
        if (which is null)
        {
            return null;
        }

        if (!askLabel)
        {
            return new SeatChoice { ReleaseInstallationId = which.Id };
        }

        var label = await ui.AskAsync(texts.ComputerLabel, _ => null, null, optional: true, cancellationToken).ConfigureAwait(false);
        return label.Back || label.Cancel ? null : new SeatChoice { ReleaseInstallationId = which.Id, Label = label.Value is { Length: > 0 } typed ? typed : null };
    }

    private void Show(InstallationOverview overview)
    {
        ui.Title(texts.InstallationsTitle);
        ui.Say(texts.SeatsSummary(overview.Seats, overview.Installations.Count, overview.MovesLeft, overview.NextMoveAt));
        ShowTable(overview.Installations);
    }

    private void ShowTable(IReadOnlyList<LicensedInstallation> installations) => ui.Table(
        [texts.LabelColumn, texts.FirstSeenColumn, texts.LastSeenColumn, texts.VersionColumn],
        installations.Select(i => (IReadOnlyList<string>)[
            i.IsThisInstallation ? $"{i.Label ?? texts.NoLabel} ({texts.ThisComputer})" : i.Label ?? texts.NoLabel,
            $"{i.FirstSeen.ToLocalTime():yyyy-MM-dd}",
            i.LastSeen is { } seen ? $"{seen.ToLocalTime():yyyy-MM-dd HH:mm}" : texts.NeverSeen,
            i.AppVersion ?? string.Empty]));

    private async Task<LicensedInstallation?> ChooseInstallationAsync(string title, IReadOnlyList<LicensedInstallation> installations, CancellationToken cancellationToken)
    {
        var choices = installations.Select((i, index) => (index, texts.Describe(i))).Append((-1, texts.BackChoice)).ToList();
        var chosen = await ui.ChooseAsync(title, choices, cancellationToken).ConfigureAwait(false);
        return chosen < 0 ? null : installations[chosen];
    }

    private void Report(string step, LicensingResult result, string done)
    {
        if (result.Succeeded)
        {
            ui.Good(done);
        }
        else
        {
            ShowFailure(step, SdkFailure.From(result));
        }
    }

    private void ShowFailure(string step, SdkFailure failure) => ui.Failed(step, failure, output.Log);
}
