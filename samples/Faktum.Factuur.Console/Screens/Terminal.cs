using Spectre.Console;

namespace Faktum.Factuur.Screens;

/// <summary>What the user answered at a text prompt: a value, "terug" (back) or "annuleren" (cancel).</summary>
internal readonly record struct Answer(string? Value, bool Back, bool Cancel)
{
    public static Answer Of(string value) => new(value, false, false);
}

/// <summary>
/// The screens' terminal, on Spectre.Console: titles, text wrapped to the terminal width at word boundaries, prompts
/// with validation, selection lists and a spinner while the server works. Every prompt honours the cancellation token
/// (Ctrl-C), so the program can stop its embedded server and end cleanly at any prompt.
/// </summary>
internal sealed class Terminal(IAnsiConsole console, Texts.Texts texts)
{
    public void Title(string title)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
    }

    public void Say(string text) => console.Write(new Markup(Markup.Escape(text) + Environment.NewLine));

    public void Note(string text) => console.Write(new Markup($"[yellow]{Markup.Escape(text)}[/]{Environment.NewLine}"));

    public void Good(string text) => console.Write(new Markup($"[green]{Markup.Escape(text)}[/]{Environment.NewLine}"));

    public void Problem(string text) => console.Write(new Markup($"[red]{Markup.Escape(texts.Error)}: {Markup.Escape(text)}[/]{Environment.NewLine}"));

    public void Blank() => console.WriteLine();

    /// <summary>A failed call, explained in this language from the SDK's typed result; the server's own words go to <paramref name="log"/>.</summary>
    public void Failed(string step, SdkFailure failure, SampleLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        log.Failure(step, failure);
        foreach (var line in texts.Explain(failure))
        {
            Problem(line);
        }
    }

    /// <summary>
    /// Asks for one value. <paramref name="check"/> returns the reason a value is refused (in the chosen language), and the
    /// prompt asks again at once; "terug"/"back" and "annuleren"/"cancel" are always accepted.
    /// </summary>
    public async Task<Answer> AskAsync(string label, Func<string, string?> check, string? defaultValue, bool optional, CancellationToken cancellationToken)
    {
        // Spectre adds the colon itself after a default value ("Land (NL):").
        var prompt = new TextPrompt<string>(defaultValue is { Length: > 0 } ? Markup.Escape(label) : $"{Markup.Escape(label)}:")
            .Validate(value =>
            {
                var trimmed = value.Trim();
                return IsKeyword(trimmed) || check(trimmed) is not { } reason
                    ? ValidationResult.Success()
                    : ValidationResult.Error($"[red]{Markup.Escape(reason)}[/]");
            });
        if (optional)
        {
            prompt.AllowEmpty();
        }

        if (defaultValue is { Length: > 0 })
        {
            prompt.DefaultValue(defaultValue);
            prompt.DefaultValueStyle(new Style(Color.Grey));
        }

        var answer = (await prompt.ShowAsync(console, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false)).Trim();
        cancellationToken.ThrowIfCancellationRequested();
        return texts.IsBack(answer) ? new Answer(null, true, false)
            : texts.IsCancel(answer) ? new Answer(null, false, true)
            : Answer.Of(answer);
    }

    /// <summary>A selection list (arrow keys and Enter).</summary>
    public async Task<T> ChooseAsync<T>(string title, IReadOnlyList<(T Value, string Label)> choices, CancellationToken cancellationToken)
        where T : notnull
    {
        var labels = choices.ToDictionary(c => c.Value, c => c.Label);
        var prompt = new SelectionPrompt<T>()
            .Title(Markup.Escape(title))
            .UseConverter(value => Markup.Escape(labels[value]))
            .AddChoices(choices.Select(c => c.Value))
            .DefaultValue(choices[0].Value);   // explicit: otherwise default(T) would pick the choice valued 0
        var chosen = await prompt.ShowAsync(console, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        console.Write(new Markup($"{Markup.Escape(title)} [blue]{Markup.Escape(labels[chosen])}[/]{Environment.NewLine}"));
        return chosen;
    }

    /// <summary>A multi-selection list (arrow keys, space to tick, Enter); <paramref name="selected"/> are ticked at first. May return none.</summary>
    public async Task<IReadOnlyList<T>> ChooseSeveralAsync<T>(string title, IReadOnlyList<(T Value, string Label)> choices, IEnumerable<T> selected, CancellationToken cancellationToken)
        where T : notnull
    {
        var labels = choices.ToDictionary(c => c.Value, c => c.Label);
        var prompt = new MultiSelectionPrompt<T>()
            .Title(Markup.Escape(title))
            .NotRequired()
            .InstructionsText($"[grey]{Markup.Escape(texts.ChooseCompaniesHint)}[/]")
            .UseConverter(value => Markup.Escape(labels[value]))
            .AddChoices(choices.Select(c => c.Value));
        foreach (var value in selected)
        {
            prompt.Select(value);
        }

        var chosen = await prompt.ShowAsync(console, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var said = chosen.Count == 0 ? texts.NoneChosen : string.Join("; ", chosen.Select(c => labels[c]));
        console.Write(new Markup($"{Markup.Escape(title)} [blue]{Markup.Escape(said)}[/]{Environment.NewLine}"));
        return [.. choices.Select(c => c.Value).Where(chosen.Contains)];
    }

    /// <summary>A table of plain text cells (escaped), the first row the header.</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in header)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        console.Write(table);
    }

    /// <summary>Shows a spinner while the server works.</summary>
    public Task<T> BusyAsync<T>(string text, Func<Task<T>> work) =>
        console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(text), _ => work());

    private bool IsKeyword(string value) => texts.IsBack(value) || texts.IsCancel(value);
}
